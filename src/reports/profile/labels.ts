/** The words of the partnership profile's PDF and workbook, in the four languages. */
import type { Language } from '#src/domain/shared/refusal.ts';

export interface ProfileLabels {
  title: string;
  since: string;
  partners: string;
  keyFigures: string;
  figure: string;
  value: string;
  agreements: string;
  mobility: string;
  mobilityChart: string;
  students: string;
  months: string;
  year: string;
  direction: string;
  jukebox: string;
  enrolments: string;
  publications: string;
  publicationsChart: string;
  perYearAverage: string;
  themes: string;
  theme: string;
  labs: string;
  lab: string;
  funding: string;
  fundedUntil: string;
  period: string;
  programmes: string;
  programme: string;
  enrolled: string;
  graduated: string;
  cotutelles: string;
  status: string;
  visits: string;
  teachingVisits: string;
  role: string;
  events: string;
  event: string;
  date: string;
  plans: string;
  plan: string;
  invented: string;
  computed: string;
  cotutelleStatus: Record<'planned' | 'in_progress' | 'defended' | 'abandoned' | 'total', string>;
  planStatus: Record<'in_preparation' | 'adopted' | 'expired', string>;
  agreementStatus: Record<'draft' | 'signed' | 'active' | 'expired' | 'terminated', string>;
  roles: Record<string, string>;
  none: string;
}

export const PROFILE_LABELS: Record<Language, ProfileLabels> = {
  ja: {
    title: 'パートナーシップ概要',
    since: '連携開始',
    partners: 'パートナー',
    keyFigures: '主な数値（記録から算出）',
    figure: '項目',
    value: '値',
    agreements: '協定',
    mobility: '学生交流（年度別・方向別）',
    mobilityChart: '年別の派遣・受入学生数',
    students: '学生数',
    months: '月数',
    year: '年',
    direction: '方向',
    jukebox: 'コース・ジュークボックス履修',
    enrolments: '履修数',
    publications: '共著論文',
    publicationsChart: '年別の共著論文数',
    perYearAverage: '年平均',
    themes: '連携テーマ',
    theme: 'テーマ',
    labs: '共同研究室・プロジェクト',
    lab: '研究室・プロジェクト',
    funding: '資金',
    fundedUntil: '資金期間の終了',
    period: '期間',
    programmes: '学位プログラム',
    programme: 'プログラム',
    enrolled: '在籍',
    graduated: '修了',
    cotutelles: '共同指導博士論文',
    status: '状況',
    visits: '訪問',
    teachingVisits: '授業を行った訪問',
    role: '役職',
    events: '共催行事',
    event: '行事',
    date: '日付',
    plans: '戦略計画',
    plan: '計画',
    invented: '架空',
    computed: 'すべての数値は Kakehashi の記録から算出しています。',
    cotutelleStatus: {
      planned: '予定',
      in_progress: '進行中',
      defended: '審査済',
      abandoned: '中止',
      total: '合計',
    },
    agreementStatus: {
      draft: '草案',
      signed: '署名済',
      active: '有効',
      expired: '期間満了',
      terminated: '解除',
    },
    planStatus: { in_preparation: '準備中', adopted: '採択済', expired: '期間終了' },
    roles: { president: '学長', vice_president: '副学長', professor: '教員', staff: '職員' },
    none: 'なし',
  },
  ru: {
    title: 'Профиль партнёрства',
    since: 'Партнёрство с',
    partners: 'Партнёры',
    keyFigures: 'Основные показатели (рассчитаны по записям)',
    figure: 'Показатель',
    value: 'Значение',
    agreements: 'Соглашения',
    mobility: 'Академическая мобильность по годам и направлениям',
    mobilityChart: 'Студенты по годам',
    students: 'Студенты',
    months: 'Месяцы',
    year: 'Год',
    direction: 'Направление',
    jukebox: 'Записи на курсы Course Jukebox',
    enrolments: 'Записи',
    publications: 'Совместные публикации',
    publicationsChart: 'Совместные публикации по годам',
    perYearAverage: 'В среднем за год',
    themes: 'Темы сотрудничества',
    theme: 'Тема',
    labs: 'Совместные лаборатории и проекты',
    lab: 'Лаборатория или проект',
    funding: 'Финансирование',
    fundedUntil: 'Финансирование до',
    period: 'Период',
    programmes: 'Программы двойных и совместных дипломов',
    programme: 'Программа',
    enrolled: 'Обучаются',
    graduated: 'Выпускники',
    cotutelles: 'Диссертации под совместным руководством',
    status: 'Статус',
    visits: 'Визиты',
    teachingVisits: 'Визиты с преподаванием',
    role: 'Должность',
    events: 'Совместные мероприятия',
    event: 'Мероприятие',
    date: 'Дата',
    plans: 'Стратегические планы',
    plan: 'План',
    invented: 'вымышлено',
    computed: 'Все показатели рассчитаны по записям Kakehashi.',
    cotutelleStatus: {
      planned: 'Запланирована',
      in_progress: 'В работе',
      defended: 'Защищена',
      abandoned: 'Прекращена',
      total: 'Всего',
    },
    agreementStatus: {
      draft: 'Проект',
      signed: 'Подписано',
      active: 'Действует',
      expired: 'Истекло',
      terminated: 'Расторгнуто',
    },
    planStatus: { in_preparation: 'В подготовке', adopted: 'Принят', expired: 'Истёк' },
    roles: {
      president: 'Ректор',
      vice_president: 'Проректор',
      professor: 'Преподаватель',
      staff: 'Сотрудник',
    },
    none: 'нет',
  },
  en: {
    title: 'Partnership profile',
    since: 'Partners since',
    partners: 'Partners',
    keyFigures: 'Key figures (computed from the records)',
    figure: 'Figure',
    value: 'Value',
    agreements: 'Agreements',
    mobility: 'Student mobility by year and direction',
    mobilityChart: 'Students by year',
    students: 'Students',
    months: 'Months',
    year: 'Year',
    direction: 'Direction',
    jukebox: 'Course Jukebox enrolments',
    enrolments: 'Enrolments',
    publications: 'Co-publications',
    publicationsChart: 'Co-publications by year',
    perYearAverage: 'Average per year',
    themes: 'Themes of collaboration',
    theme: 'Theme',
    labs: 'Joint laboratories and projects',
    lab: 'Laboratory or project',
    funding: 'Funding',
    fundedUntil: 'Funded until',
    period: 'Period',
    programmes: 'Double, dual and joint degrees',
    programme: 'Programme',
    enrolled: 'Enrolled',
    graduated: 'Graduated',
    cotutelles: 'Co-supervised doctorates',
    status: 'Status',
    visits: 'Visits',
    teachingVisits: 'Visits with teaching',
    role: 'Role',
    events: 'Events held together',
    event: 'Event',
    date: 'Date',
    plans: 'Strategic plans',
    plan: 'Plan',
    invented: 'invented',
    computed: 'Every figure is computed from the records kept in Kakehashi.',
    cotutelleStatus: {
      planned: 'Planned',
      in_progress: 'In progress',
      defended: 'Defended',
      abandoned: 'Abandoned',
      total: 'Total',
    },
    agreementStatus: {
      draft: 'Draft',
      signed: 'Signed',
      active: 'In force',
      expired: 'Expired',
      terminated: 'Terminated',
    },
    planStatus: { in_preparation: 'In preparation', adopted: 'Adopted', expired: 'Expired' },
    roles: {
      president: 'President',
      vice_president: 'Vice-president',
      professor: 'Professor',
      staff: 'Staff',
    },
    none: 'none',
  },
  fr: {
    title: 'Profil du partenariat',
    since: 'Partenaires depuis',
    partners: 'Partenaires',
    keyFigures: 'Chiffres clés (calculés à partir des dossiers)',
    figure: 'Indicateur',
    value: 'Valeur',
    agreements: 'Accords',
    mobility: 'Mobilité étudiante par année et par sens',
    mobilityChart: 'Étudiants par année',
    students: 'Étudiants',
    months: 'Mois',
    year: 'Année',
    direction: 'Sens',
    jukebox: 'Inscriptions au Course Jukebox',
    enrolments: 'Inscriptions',
    publications: 'Copublications',
    publicationsChart: 'Copublications par année',
    perYearAverage: 'Moyenne annuelle',
    themes: 'Thèmes de collaboration',
    theme: 'Thème',
    labs: 'Laboratoires et projets communs',
    lab: 'Laboratoire ou projet',
    funding: 'Financement',
    fundedUntil: 'Financé jusqu’au',
    period: 'Période',
    programmes: 'Doubles diplômes et diplômes conjoints',
    programme: 'Programme',
    enrolled: 'Inscrits',
    graduated: 'Diplômés',
    cotutelles: 'Thèses en cotutelle',
    status: 'Statut',
    visits: 'Visites',
    teachingVisits: 'Visites avec enseignement',
    role: 'Fonction',
    events: 'Événements communs',
    event: 'Événement',
    date: 'Date',
    plans: 'Plans stratégiques',
    plan: 'Plan',
    invented: 'inventé',
    computed: 'Tous les chiffres sont calculés à partir des dossiers tenus dans Kakehashi.',
    cotutelleStatus: {
      planned: 'Prévue',
      in_progress: 'En cours',
      defended: 'Soutenue',
      abandoned: 'Abandonnée',
      total: 'Total',
    },
    agreementStatus: {
      draft: 'Projet',
      signed: 'Signé',
      active: 'En vigueur',
      expired: 'Expiré',
      terminated: 'Résilié',
    },
    planStatus: { in_preparation: 'En préparation', adopted: 'Adopté', expired: 'Expiré' },
    roles: {
      president: 'Président·e',
      vice_president: 'Vice-président·e',
      professor: 'Enseignant·e',
      staff: 'Personnel',
    },
    none: 'aucun',
  },
};
