/**
 * Headings and labels of the application dossier (R15 — 003 §6) in Japanese and English.
 * The English item titles follow the wording of 003 §6 (R15); the Japanese ones are ours.
 */
import type { Level } from '#src/domain/program/rules.ts';

export type DossierLang = 'ja' | 'en';

interface Labels {
  documentTitle: string;
  program: string;
  project: string;
  representative: string;
  status: string;
  submittedAt: string;
  draftWatermark: string;
  invented: string;
  section1: string;
  items: Record<number, string>;
  section2: string;
  liaison1: string;
  liaison2: string;
  liaison3: string;
  section3: string;
  plan1: string;
  plan2: string;
  section4: string;
  section5: string;
  attachments: string;
  programFigures: string;
  // fields
  significance: string;
  objective: string;
  goals: string;
  consortium: string;
  homeConsortium: string;
  partnerConsortium: string;
  institution: string;
  kind: string;
  country: string;
  city: string;
  district: string;
  role: string;
  representativeMark: string;
  languages: string;
  lectures: string;
  schoolHours: string;
  credits: string;
  syllabus: string;
  agreementTitle: string;
  signedOn: string;
  notSigned: string;
  signatories: string;
  copy: string;
  none: string;
  stipulatesScreening: string;
  stipulatesRecognition: string;
  summary: string;
  exchangeType: string;
  description: string;
  levels: string;
  qualifications: string;
  standards: string;
  methods: string;
  commonToBothSides: string;
  commonToAllMembers: string;
  year: string;
  fiscalYear: string;
  outbound: string;
  inbound: string;
  students: string;
  studentMonths: string;
  scholarship: string;
  total: string;
  stipendNote: (stipend: string, cap: string, capYen: string) => string;
  recruitment: string;
  start: string;
  stayMonths: string;
  months: (min: number, max: number) => string;
  milestones: string;
  stipulated: string;
  clause: string;
  recognitionSystem: string;
  office: string;
  department: string;
  person: string;
  position: string;
  address: string;
  implementationFlow: string;
  paymentFlow: string;
  enrolmentConfirmation: string;
  representativeRole: string;
  memberRole: string;
  consultations: string;
  when: string;
  where: string;
  what: string;
  evaluationDuring: string;
  evaluationAfter: string;
  heiNote: string;
  outline: string;
  departments: string;
  name: string;
  /** the heading of the attachments' title column (a document, not a person) */
  attachmentTitle: string;
  language: string;
  translationOf: string;
  consentsTo: string;
  /** R16 — 003 §7(2): the items a member consents to, by the item they concern */
  consentItems: Record<'screening' | 'recognition', string>;
  validity: string;
  registryRecord: string;
  signature: (party: string, signatory: string, on: string) => string;
  yes: string;
  no: string;
  page: (n: number, of: number) => string;
  levelNames: Record<Level, string>;
  kindNames: Record<'university' | 'academy_of_sciences' | 'other', string>;
  statusNames: Record<string, string>;
  attachmentKinds: Record<string, string>;
  flow: {
    funder: string;
    representative: string;
    members: string;
    host: string;
    students: string;
    step1: string;
    step2: string;
    step3: string;
    step4: string;
    step5: string;
  };
  yen: (formatted: string) => string;
}

export const LABELS: Record<DossierLang, Labels> = {
  en: {
    documentTitle: 'Application for the support program',
    program: 'Program',
    project: 'Project',
    representative: 'Representative university',
    status: 'Status',
    submittedAt: 'Submitted',
    draftWatermark: 'DRAFT',
    invented: 'Demo data: contains invented details.',
    section1: '(1) Outline of the project',
    items: {
      1: 'Significance, objective and goal',
      2: 'Representative university and member universities',
      3: 'Targeted majors or fields of study',
      4: 'Targeted students (bachelors, masters or doctors)',
      5: 'Curriculums (languages in use, lectures, school hours, credits, syllabus, etc.)',
      6: 'Administration and responsibility system at universities participating in the project',
      7: 'Student exchange agreement between consortia in the project (copy)',
      8: 'Ways to implement student exchanges in the project',
      9: 'Qualifications of exchange students in the project, standards and methods of screening students',
      10: 'Number of exchange students in the project (over the next three years)',
      11: 'Annual schedule of the project',
      12: 'Agreement between consortia that specifies that additional payments of tuition to accepting universities are not necessary (copy)',
      13: 'Credits recognition system',
    },
    section2: '(2) Liaison office',
    liaison1: 'Liaison office for the project',
    liaison2: 'Student exchange scholarship',
    liaison3: 'Liaison office for payments of travel expenses',
    section3: '(3) Implementation plan',
    plan1: 'Schedule of consultation between consortia',
    plan2: 'Inspection and evaluation plans during and after the implementation of the project',
    section4: '(4) Outline of member universities',
    section5: '(5) List of persons in charge of the project',
    attachments: 'Attachments',
    programFigures: 'Figures of the program',
    significance: 'Significance',
    objective: 'Objective',
    goals: 'Goals',
    consortium: 'Consortium',
    homeConsortium: 'Japanese consortium',
    partnerConsortium: 'Partner consortium',
    institution: 'Institution',
    kind: 'Kind',
    country: 'Country',
    city: 'City',
    district: 'District',
    role: 'Role',
    representativeMark: 'Representative',
    languages: 'Languages in use',
    lectures: 'Lectures',
    schoolHours: 'School hours',
    credits: 'Credits',
    syllabus: 'Syllabus',
    agreementTitle: 'Agreement',
    signedOn: 'Signed on',
    notSigned: 'not signed yet',
    signatories: 'Signatories',
    copy: 'Copy attached',
    none: '—',
    stipulatesScreening: 'Stipulates item 9 (screening)',
    stipulatesRecognition: 'Stipulates item 13 (recognition)',
    summary: 'Summary',
    exchangeType: 'Type of exchange',
    description: 'Description',
    levels: 'Levels',
    qualifications: 'Qualifications',
    standards: 'Standards of screening',
    methods: 'Methods of screening',
    commonToBothSides: 'Common to both consortia',
    commonToAllMembers: 'Common to all participating universities',
    year: 'Year',
    fiscalYear: 'Fiscal year',
    outbound: 'Sent from Japan',
    inbound: 'Received',
    students: 'Students',
    studentMonths: 'Student-months',
    scholarship: 'Scholarships (JPY)',
    total: 'Total',
    stipendNote: (stipend, cap, capYen) =>
      `Scholarship ${stipend} per student per month; up to ${cap} student-months (${capYen}) a year.`,
    recruitment: 'Recruitment',
    start: 'Start',
    stayMonths: 'Length of stay',
    months: (min, max) => `${min}–${max} months`,
    milestones: 'Milestones',
    stipulated: 'Stipulated in the agreement',
    clause: 'Clause',
    recognitionSystem: 'Recognition system',
    office: 'Office',
    department: 'Department',
    person: 'Person in charge',
    position: 'Position',
    address: 'Address',
    implementationFlow: 'Flow chart of implementation',
    paymentFlow: 'Flow chart of enrolment confirmation and scholarship payment',
    enrolmentConfirmation: 'Confirmation of enrolment',
    representativeRole: 'Role of the representative university',
    memberRole: 'Role of the other member universities',
    consultations: 'Consultations',
    when: 'When',
    where: 'Where',
    what: 'What',
    evaluationDuring: 'During the project',
    evaluationAfter: 'After the project',
    heiNote: 'Higher education institution',
    outline: 'Outline',
    departments: 'Departments and courses',
    name: 'Name',
    attachmentTitle: 'Document',
    language: 'Language',
    translationOf: 'Translation of',
    consentsTo: 'Agrees on',
    consentItems: { screening: 'screening (item 9)', recognition: 'credit recognition (item 13)' },
    validity: 'In force',
    registryRecord: 'Recorded in the agreement registry',
    signature: (party, signatory, on) => `${party}: ${signatory}, ${on}`,
    yes: 'Yes',
    no: 'No',
    page: (n, of) => `${n} / ${of}`,
    levelNames: { bachelor: 'Bachelor', master: 'Master', doctor: 'Doctor' },
    kindNames: {
      university: 'University',
      academy_of_sciences: 'Academy of sciences',
      other: 'Other',
    },
    statusNames: {
      draft: 'Draft',
      submitted: 'Submitted',
      selected: 'Selected',
      'not-selected': 'Not selected',
      withdrawn: 'Withdrawn',
    },
    attachmentKinds: {
      'agreement-copy': 'Agreement (copy)',
      'tuition-waiver-agreement': 'Tuition agreement (copy)',
      'member-consent': 'Member consent',
      translation: 'Translation',
      'flow-chart': 'Flow chart',
      'member-material': 'Member material',
      other: 'Other',
    },
    flow: {
      funder: 'Funder',
      representative: 'Representative university',
      members: 'Member universities (Japan)',
      host: 'Host universities (abroad)',
      students: 'Exchange students',
      step1: '(1) Scholarship and travel funds',
      step2: '(2) Enrolment',
      step3: '(3) Host confirms enrolment',
      step4: '(4) Payment through the representative',
      step5: '(5) Scholarship and air ticket; receipt',
    },
    yen: (f) => `${f} JPY`,
  },
  ja: {
    documentTitle: '支援プログラム申請書',
    program: 'プログラム',
    project: '事業名',
    representative: '代表大学',
    status: '状態',
    submittedAt: '提出日時',
    draftWatermark: '下書き',
    invented: 'デモデータ：架空の内容を含みます。',
    section1: '（1）事業の概要',
    items: {
      1: '意義・目的・目標',
      2: '代表大学及び構成大学',
      3: '対象とする専攻・分野',
      4: '対象学生（学士・修士・博士）',
      5: 'カリキュラム（使用言語、講義、授業時間、単位、シラバス等）',
      6: '参加大学における運営・責任体制',
      7: 'コンソーシアム間の学生交流協定（写し）',
      8: '学生交流の実施方法',
      9: '交流学生の資格、選考の基準及び方法',
      10: '交流学生数（今後3年間）',
      11: '年間スケジュール',
      12: '受入大学への授業料の追加納付を要しない旨のコンソーシアム間の協定（写し）',
      13: '単位認定制度',
    },
    section2: '（2）連絡窓口',
    liaison1: '事業の連絡窓口',
    liaison2: '学生交流奨学金',
    liaison3: '渡航費支払の連絡窓口',
    section3: '（3）実施計画',
    plan1: 'コンソーシアム間の協議日程',
    plan2: '事業実施中及び実施後の点検・評価計画',
    section4: '（4）構成大学の概要',
    section5: '（5）事業責任者一覧',
    attachments: '添付書類',
    programFigures: 'プログラムの数値',
    significance: '意義',
    objective: '目的',
    goals: '目標',
    consortium: 'コンソーシアム',
    homeConsortium: '日本側コンソーシアム',
    partnerConsortium: '相手国側コンソーシアム',
    institution: '機関',
    kind: '種別',
    country: '国',
    city: '都市',
    district: '地区',
    role: '役割',
    representativeMark: '代表',
    languages: '使用言語',
    lectures: '講義',
    schoolHours: '授業時間',
    credits: '単位',
    syllabus: 'シラバス',
    agreementTitle: '協定',
    signedOn: '締結日',
    notSigned: '未締結',
    signatories: '署名機関',
    copy: '写し添付',
    none: '—',
    stipulatesScreening: '9）選考を規定',
    stipulatesRecognition: '13）単位認定を規定',
    summary: '概要',
    exchangeType: '交流の種類',
    description: '内容',
    levels: '課程',
    qualifications: '資格',
    standards: '選考基準',
    methods: '選考方法',
    commonToBothSides: '両コンソーシアム共通',
    commonToAllMembers: '全参加大学共通',
    year: '年次',
    fiscalYear: '年度',
    outbound: '日本からの派遣',
    inbound: '受入',
    students: '人数',
    studentMonths: '延べ月数',
    scholarship: '奨学金（円）',
    total: '合計',
    stipendNote: (stipend, cap, capYen) =>
      `奨学金は学生1人あたり月額${stipend}。年間上限は延べ${cap}人月（${capYen}）。`,
    recruitment: '募集',
    start: '開始',
    stayMonths: '派遣期間',
    months: (min, max) => `${min}〜${max}か月`,
    milestones: '主な日程',
    stipulated: '協定に規定',
    clause: '条項',
    recognitionSystem: '単位認定制度',
    office: '窓口',
    department: '部署',
    person: '担当者',
    position: '職名',
    address: '所在地',
    implementationFlow: '事業実施のフローチャート',
    paymentFlow: '在籍確認及び奨学金支払のフローチャート',
    enrolmentConfirmation: '在籍確認の方法',
    representativeRole: '代表大学の役割',
    memberRole: '他の構成大学の役割',
    consultations: '協議',
    when: '時期',
    where: '場所',
    what: '内容',
    evaluationDuring: '実施中',
    evaluationAfter: '実施後',
    heiNote: '高等教育機関であることの説明',
    outline: '概要',
    departments: '参加する学部・研究科',
    name: '氏名',
    attachmentTitle: '資料名',
    language: '言語',
    translationOf: '翻訳元',
    consentsTo: '同意事項',
    consentItems: { screening: '選考（第9項）', recognition: '単位互換（第13項）' },
    validity: '有効期間',
    registryRecord: '協定登録簿に記録済み',
    signature: (party, signatory, on) => `${party}：${signatory}（${on}署名）`,
    yes: 'はい',
    no: 'いいえ',
    page: (n, of) => `${n} / ${of}`,
    levelNames: { bachelor: '学士', master: '修士', doctor: '博士' },
    kindNames: { university: '大学', academy_of_sciences: '科学アカデミー', other: 'その他' },
    statusNames: {
      draft: '下書き',
      submitted: '提出済',
      selected: '採択',
      'not-selected': '不採択',
      withdrawn: '取下げ',
    },
    attachmentKinds: {
      'agreement-copy': '協定書（写し）',
      'tuition-waiver-agreement': '授業料に関する協定（写し）',
      'member-consent': '構成大学の同意書',
      translation: '翻訳',
      'flow-chart': 'フローチャート',
      'member-material': '構成大学の資料',
      other: 'その他',
    },
    flow: {
      funder: '支援機関',
      representative: '代表大学',
      members: '構成大学（日本）',
      host: '受入大学（海外）',
      students: '交流学生',
      step1: '（1）奨学金・渡航費の交付',
      step2: '（2）在籍',
      step3: '（3）受入大学が在籍を確認',
      step4: '（4）代表大学を通じた支払',
      step5: '（5）奨学金・航空券の支給、受領',
    },
    yen: (f) => `${f}円`,
  },
};
