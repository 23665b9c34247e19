/** The words of the implementation report's PDF and workbook (R20), in the four languages. */
import type { Language } from '#src/domain/shared/refusal.ts';

export interface ImplementationLabels {
  title: string;
  fiscalYear: (fy: number) => string;
  project: string;
  period: string;
  cutOff: string;
  deadline: string;
  status: string;
  version: string;
  submittedOn: string;
  draftNote: string;
  keyFigures: string;
  figure: string;
  value: string;
  sent: string;
  received: string;
  students: string;
  months: string;
  monthsElapsed: string;
  byPartner: string;
  partner: string;
  byLevel: string;
  level: string;
  byField: string;
  field: string;
  byDuration: string;
  duration: string;
  byComponent: string;
  component: string;
  noComponent: string;
  recognition: string;
  creditSystem: string;
  decided: string;
  full: string;
  partial: string;
  none: string;
  creditsPlanned: string;
  creditsRecognised: string;
  rate: string;
  money: string;
  line: string;
  scholarships: string;
  travel: string;
  spent: string;
  budget: string;
  remaining: string;
  payments: string;
  trips: string;
  cap: string;
  capPaid: string;
  capRemaining: string;
  balance: string;
  planned: string;
  realised: string;
  thisYear: string;
  cumulative: string;
  tolerance: string;
  outOfBalance: string;
  plannedVsActual: string;
  outbound: string;
  inbound: string;
  plan: string;
  actual: string;
  noPlan: string;
  events: string;
  eventsHeld: string;
  participants: string;
  advisories: string;
  country: string;
  from: string;
  until: string;
  days: string;
  staysConcerned: string;
  narrative: string;
  sections: Record<
    'self_evaluation' | 'quality_assurance' | 'issues_and_measures' | 'plan',
    string
  >;
  notWritten: string;
  bands: Record<'under_1' | '1_to_3' | 'over_3', string>;
  levels: Record<string, string>;
  states: Record<'not_started' | 'draft' | 'submitted' | 'received' | 'late', string>;
  advisoryLevels: Record<string, string>;
  chartPartners: string;
  chartDuration: string;
  yen: (n: string) => string;
  empty: string;
  computed: string;
}

export const IMPLEMENTATION_LABELS: Record<Language, ImplementationLabels> = {
  ja: {
    title: '大学間交流事業 実施報告書',
    fiscalYear: (fy) => `${fy}年度`,
    project: '事業',
    period: '集計期間',
    cutOff: '基準日',
    deadline: '提出期限',
    status: '状況',
    version: '版',
    submittedOn: '提出日',
    draftNote: '下書き：数値は基準日までの記録から算出した暫定値です。',
    keyFigures: '主な数値',
    figure: '項目',
    value: '値',
    sent: '派遣',
    received: '受入',
    students: '学生数',
    months: '学生月数',
    monthsElapsed: '基準日までの実施月数',
    byPartner: '相手大学別の派遣・受入',
    partner: '相手大学',
    byLevel: '課程別',
    level: '課程',
    byField: '分野別（ISCED-F 2013）',
    field: '分野',
    byDuration: '期間別',
    duration: '期間',
    byComponent: 'プログラム構成別',
    component: '構成',
    noComponent: '（構成の指定なし）',
    recognition: '単位認定（R7）',
    creditSystem: '単位制度',
    decided: '判定数',
    full: '全部認定',
    partial: '一部認定',
    none: '認定なし',
    creditsPlanned: '予定単位',
    creditsRecognised: '認定単位',
    rate: '認定率',
    money: '奨学金・渡航費',
    line: '費目',
    scholarships: '奨学金',
    travel: '渡航費',
    spent: '支出',
    budget: '予算',
    remaining: '残額',
    payments: '支払件数',
    trips: '渡航数',
    cap: '上限（R14、学生月数）',
    capPaid: '支払済学生月数',
    capRemaining: '残り',
    balance: '交流の均衡（R4）',
    planned: '計画',
    realised: '実績',
    thisYear: '当該年度',
    cumulative: '開始以来',
    tolerance: '許容差',
    outOfBalance: '許容差を超える不均衡',
    plannedVsActual: '計画（申請書第10項）と実績',
    outbound: '派遣',
    inbound: '受入',
    plan: '計画',
    actual: '実績',
    noPlan: '申請書に当該年度の計画数はありません。',
    events: '行事',
    eventsHeld: '開催行事数',
    participants: '参加者数',
    advisories: '安全情報による派遣の延期・停止（R19）',
    country: '国',
    from: '開始',
    until: '終了',
    days: '日数',
    staysConcerned: '該当する派遣',
    narrative: '記述',
    sections: {
      self_evaluation: '自己評価',
      quality_assurance: '質の保証',
      issues_and_measures: '課題と対応策',
      plan: '今後の計画',
    },
    notWritten: '（未記入）',
    bands: { under_1: '1か月未満', '1_to_3': '1〜3か月', over_3: '3か月超' },
    levels: { bachelor: '学士', master: '修士', doctor: '博士' },
    states: {
      not_started: '未着手',
      draft: '下書き',
      submitted: '提出済',
      received: '受理済',
      late: '期限超過',
    },
    advisoryLevels: { postpone: '延期', suspend: '停止' },
    chartPartners: '相手大学別の派遣・受入学生数',
    chartDuration: '期間別の学生数',
    yen: (n) => `${n}円`,
    empty: 'なし',
    computed: 'すべての数値は Kakehashi の記録から基準日時点で算出しています。',
  },
  ru: {
    title: 'Отчёт о реализации программы межуниверситетского обмена',
    fiscalYear: (fy) => `${fy} финансовый год`,
    project: 'Проект',
    period: 'Учётный период',
    cutOff: 'Дата отсечения',
    deadline: 'Срок подачи',
    status: 'Статус',
    version: 'Версия',
    submittedOn: 'Подан',
    draftNote: 'Черновик: цифры предварительные, по записям на дату отсечения.',
    keyFigures: 'Основные показатели',
    figure: 'Показатель',
    value: 'Значение',
    sent: 'Направлено',
    received: 'Принято',
    students: 'Студенты',
    months: 'Студенто-месяцы',
    monthsElapsed: 'Месяцы, прошедшие к дате отсечения',
    byPartner: 'По вузам-партнёрам',
    partner: 'Вуз-партнёр',
    byLevel: 'По уровням',
    level: 'Уровень',
    byField: 'По областям (ISCED-F 2013)',
    field: 'Область',
    byDuration: 'По продолжительности',
    duration: 'Продолжительность',
    byComponent: 'По компонентам программы',
    component: 'Компонент',
    noComponent: '(без компонента)',
    recognition: 'Признание кредитов (R7)',
    creditSystem: 'Система кредитов',
    decided: 'Решений',
    full: 'Полностью',
    partial: 'Частично',
    none: 'Не признано',
    creditsPlanned: 'Запланировано',
    creditsRecognised: 'Признано',
    rate: 'Доля признания',
    money: 'Стипендии и проезд',
    line: 'Статья',
    scholarships: 'Стипендии',
    travel: 'Проезд',
    spent: 'Израсходовано',
    budget: 'Бюджет',
    remaining: 'Остаток',
    payments: 'Платежей',
    trips: 'Поездок',
    cap: 'Лимит (R14, студенто-месяцы)',
    capPaid: 'Оплачено студенто-месяцев',
    capRemaining: 'Осталось',
    balance: 'Сбалансированность обмена (R4)',
    planned: 'План',
    realised: 'Факт',
    thisYear: 'За год',
    cumulative: 'С начала',
    tolerance: 'Допуск',
    outOfBalance: 'Дисбаланс сверх допуска',
    plannedVsActual: 'План (пункт 10 заявки) и факт',
    outbound: 'Направление',
    inbound: 'Приём',
    plan: 'План',
    actual: 'Факт',
    noPlan: 'В заявке нет плановых цифр на этот год.',
    events: 'Мероприятия',
    eventsHeld: 'Проведено мероприятий',
    participants: 'Участников',
    advisories: 'Отсрочки и приостановки по соображениям безопасности (R19)',
    country: 'Страна',
    from: 'С',
    until: 'По',
    days: 'Дней',
    staysConcerned: 'Затронуто направлений',
    narrative: 'Описательная часть',
    sections: {
      self_evaluation: 'Самооценка',
      quality_assurance: 'Обеспечение качества',
      issues_and_measures: 'Проблемы и принятые меры',
      plan: 'План',
    },
    notWritten: '(не заполнено)',
    bands: { under_1: 'менее 1 месяца', '1_to_3': '1–3 месяца', over_3: 'более 3 месяцев' },
    levels: { bachelor: 'Бакалавриат', master: 'Магистратура', doctor: 'Аспирантура' },
    states: {
      not_started: 'Не начат',
      draft: 'Черновик',
      submitted: 'Подан',
      received: 'Принят',
      late: 'Просрочен',
    },
    advisoryLevels: { postpone: 'Отсрочка', suspend: 'Приостановка' },
    chartPartners: 'Студенты по вузам-партнёрам',
    chartDuration: 'Студенты по продолжительности',
    yen: (n) => `${n} иен`,
    empty: 'Нет',
    computed: 'Все цифры рассчитаны Kakehashi по записям на дату отсечения.',
  },
  en: {
    title: 'Inter-University Exchange Project — Implementation Report',
    fiscalYear: (fy) => `Fiscal year ${fy}`,
    project: 'Project',
    period: 'Counted period',
    cutOff: 'Cut-off date',
    deadline: 'Due',
    status: 'Status',
    version: 'Version',
    submittedOn: 'Submitted on',
    draftNote: 'Draft: provisional figures, computed from the records up to the cut-off.',
    keyFigures: 'Key figures',
    figure: 'Figure',
    value: 'Value',
    sent: 'Sent',
    received: 'Received',
    students: 'Students',
    months: 'Student-months',
    monthsElapsed: 'Months run by the cut-off',
    byPartner: 'Sent and received per partner',
    partner: 'Partner',
    byLevel: 'Per level',
    level: 'Level',
    byField: 'Per field (ISCED-F 2013)',
    field: 'Field',
    byDuration: 'Per duration',
    duration: 'Duration',
    byComponent: 'Per program component',
    component: 'Component',
    noComponent: '(no component)',
    recognition: 'Credit recognition (R7)',
    creditSystem: 'Credit system',
    decided: 'Decisions',
    full: 'Full',
    partial: 'Partial',
    none: 'None',
    creditsPlanned: 'Credits planned',
    creditsRecognised: 'Credits recognised',
    rate: 'Recognition rate',
    money: 'Scholarships and travel',
    line: 'Line',
    scholarships: 'Scholarships',
    travel: 'Travel',
    spent: 'Spent',
    budget: 'Budget',
    remaining: 'Remaining',
    payments: 'Payments',
    trips: 'Trips',
    cap: 'Cap (R14, student-months)',
    capPaid: 'Student-months paid',
    capRemaining: 'Remaining',
    balance: 'Balance of the exchange (R4)',
    planned: 'Planned',
    realised: 'Realised',
    thisYear: 'This fiscal year',
    cumulative: 'Since the start',
    tolerance: 'Tolerance',
    outOfBalance: 'Out of balance beyond the tolerance',
    plannedVsActual: 'Planned (application item 10) and actual',
    outbound: 'Outbound',
    inbound: 'Inbound',
    plan: 'Planned',
    actual: 'Actual',
    noPlan: 'The application gives no numbers for this year.',
    events: 'Events',
    eventsHeld: 'Events held',
    participants: 'Participants',
    advisories: 'Dispatches postponed or suspended for safety (R19)',
    country: 'Country',
    from: 'From',
    until: 'Until',
    days: 'Days',
    staysConcerned: 'Stays concerned',
    narrative: 'Narrative',
    sections: {
      self_evaluation: 'Self-evaluation',
      quality_assurance: 'Quality assurance',
      issues_and_measures: 'Issues and measures',
      plan: 'Plan',
    },
    notWritten: '(not written)',
    bands: { under_1: 'under 1 month', '1_to_3': '1 to 3 months', over_3: 'over 3 months' },
    levels: { bachelor: 'Bachelor', master: 'Master', doctor: 'Doctorate' },
    states: {
      not_started: 'Not started',
      draft: 'Draft',
      submitted: 'Submitted',
      received: 'Received',
      late: 'Late',
    },
    advisoryLevels: { postpone: 'Postponed', suspend: 'Suspended' },
    chartPartners: 'Students per partner',
    chartDuration: 'Students per duration',
    yen: (n) => `¥${n}`,
    empty: 'None',
    computed: 'Every figure is computed by Kakehashi from the records as of the cut-off date.',
  },
  fr: {
    title: 'Projet d’échanges interuniversitaires — rapport de mise en œuvre',
    fiscalYear: (fy) => `Exercice ${fy}`,
    project: 'Projet',
    period: 'Période comptée',
    cutOff: 'Date d’arrêté',
    deadline: 'Échéance',
    status: 'État',
    version: 'Version',
    submittedOn: 'Soumis le',
    draftNote:
      'Brouillon : chiffres provisoires, calculés sur les dossiers jusqu’à la date d’arrêté.',
    keyFigures: 'Chiffres clés',
    figure: 'Indicateur',
    value: 'Valeur',
    sent: 'Envoyés',
    received: 'Accueillis',
    students: 'Étudiants',
    months: 'Mois-étudiants',
    monthsElapsed: 'Mois écoulés à la date d’arrêté',
    byPartner: 'Envoyés et accueillis par partenaire',
    partner: 'Partenaire',
    byLevel: 'Par niveau',
    level: 'Niveau',
    byField: 'Par domaine (ISCED-F 2013)',
    field: 'Domaine',
    byDuration: 'Par durée',
    duration: 'Durée',
    byComponent: 'Par composante du programme',
    component: 'Composante',
    noComponent: '(sans composante)',
    recognition: 'Reconnaissance des crédits (R7)',
    creditSystem: 'Système de crédits',
    decided: 'Décisions',
    full: 'Totale',
    partial: 'Partielle',
    none: 'Aucune',
    creditsPlanned: 'Crédits prévus',
    creditsRecognised: 'Crédits reconnus',
    rate: 'Taux de reconnaissance',
    money: 'Bourses et voyages',
    line: 'Poste',
    scholarships: 'Bourses',
    travel: 'Voyages',
    spent: 'Dépensé',
    budget: 'Budget',
    remaining: 'Reste',
    payments: 'Paiements',
    trips: 'Voyages',
    cap: 'Plafond (R14, mois-étudiants)',
    capPaid: 'Mois-étudiants payés',
    capRemaining: 'Reste',
    balance: 'Équilibre des échanges (R4)',
    planned: 'Prévu',
    realised: 'Réalisé',
    thisYear: 'Cet exercice',
    cumulative: 'Depuis le début',
    tolerance: 'Tolérance',
    outOfBalance: 'Déséquilibre au-delà de la tolérance',
    plannedVsActual: 'Prévu (point 10 de la candidature) et réalisé',
    outbound: 'Départs',
    inbound: 'Arrivées',
    plan: 'Prévu',
    actual: 'Réalisé',
    noPlan: 'La candidature ne donne pas de chiffres pour cet exercice.',
    events: 'Événements',
    eventsHeld: 'Événements tenus',
    participants: 'Participants',
    advisories: 'Départs reportés ou suspendus pour raison de sécurité (R19)',
    country: 'Pays',
    from: 'Du',
    until: 'Au',
    days: 'Jours',
    staysConcerned: 'Séjours concernés',
    narrative: 'Partie rédigée',
    sections: {
      self_evaluation: 'Auto-évaluation',
      quality_assurance: 'Assurance qualité',
      issues_and_measures: 'Difficultés et mesures',
      plan: 'Programme',
    },
    notWritten: '(non rédigé)',
    bands: { under_1: 'moins d’un mois', '1_to_3': '1 à 3 mois', over_3: 'plus de 3 mois' },
    levels: { bachelor: 'Licence', master: 'Master', doctor: 'Doctorat' },
    states: {
      not_started: 'Non commencé',
      draft: 'Brouillon',
      submitted: 'Soumis',
      received: 'Reçu',
      late: 'En retard',
    },
    advisoryLevels: { postpone: 'Report', suspend: 'Suspension' },
    chartPartners: 'Étudiants par partenaire',
    chartDuration: 'Étudiants par durée',
    yen: (n) => `${n} ¥`,
    empty: 'Aucun',
    computed:
      'Tous les chiffres sont calculés par Kakehashi à partir des dossiers à la date d’arrêté.',
  },
};
