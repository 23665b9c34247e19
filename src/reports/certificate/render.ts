/**
 * The certificate of attendance of an event: one A4 page in the participant's language, with the
 * dossier's font (Noto Sans JP: Latin, Cyrillic and Japanese in one face). Texts arrive already
 * chosen for the language; dates are formatted here per language.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { EventKind } from '#src/domain/events/kinds.ts';
import type { Language } from '#src/domain/shared/refusal.ts';
import { DOSSIER_FONT, preparePdfmake } from '../dossier/fonts.ts';

export interface CertificateData {
  language: Language;
  participant: string;
  event: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  place: string | null;
  organisers: readonly string[];
  /** The day attendance was recorded (check-in), ISO date. */
  attendedOn: string;
  /** Reference printed at the foot (the registration id). */
  reference: string;
}

export const CERTIFICATE_LABELS: Record<
  Language,
  { title: string; certifies: string; attended: string; organisedBy: string; reference: string }
> = {
  ja: {
    title: '参加証明書',
    certifies: '下記の者が次の行事に参加したことを証明します。',
    attended: '受付日',
    organisedBy: '主催',
    reference: '整理番号',
  },
  ru: {
    title: 'Сертификат участника',
    certifies: 'Настоящим подтверждается, что',
    attended: 'Дата регистрации на месте',
    organisedBy: 'Организаторы',
    reference: 'Номер',
  },
  en: {
    title: 'Certificate of attendance',
    certifies: 'This is to certify that',
    attended: 'Attendance recorded on',
    organisedBy: 'Organised by',
    reference: 'Reference',
  },
  fr: {
    title: 'Attestation de présence',
    certifies: 'Nous attestons que',
    attended: 'Présence enregistrée le',
    organisedBy: 'Organisé par',
    reference: 'Référence',
  },
};

/** The kinds of events, as the certificate names them. */
export const KIND_LABELS: Record<Language, Record<EventKind, string>> = {
  ja: {
    congress: '大会',
    round_table: '円卓会議',
    symposium: 'シンポジウム',
    workshop: 'ワークショップ',
    ceremony_signing: '調印式',
    ceremony_opening: '開所式',
    general_conference: '総会',
    forum: 'フォーラム',
  },
  ru: {
    congress: 'Конгресс',
    round_table: 'Круглый стол',
    symposium: 'Симпозиум',
    workshop: 'Семинар',
    ceremony_signing: 'Церемония подписания',
    ceremony_opening: 'Церемония открытия',
    general_conference: 'Общее собрание',
    forum: 'Форум',
  },
  en: {
    congress: 'Congress',
    round_table: 'Round table',
    symposium: 'Symposium',
    workshop: 'Workshop',
    ceremony_signing: 'Signing ceremony',
    ceremony_opening: 'Opening ceremony',
    general_conference: 'General conference',
    forum: 'Forum',
  },
  fr: {
    congress: 'Congrès',
    round_table: 'Table ronde',
    symposium: 'Symposium',
    workshop: 'Atelier',
    ceremony_signing: 'Cérémonie de signature',
    ceremony_opening: 'Cérémonie d’ouverture',
    general_conference: 'Assemblée générale',
    forum: 'Forum',
  },
};

const VERB: Record<Language, string> = {
  ja: '',
  ru: 'принял(а) участие в мероприятии',
  en: 'attended',
  fr: 'a participé à',
};

const LOCALE: Record<Language, string> = { ja: 'ja-JP', ru: 'ru-RU', en: 'en-GB', fr: 'fr-FR' };

const formatDay = (day: string, language: Language) =>
  new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The document definition (exported for tests). */
export function certificateDefinition(c: CertificateData): TDocumentDefinitions {
  const l = CERTIFICATE_LABELS[c.language];
  const dates =
    c.startsOn === c.endsOn
      ? formatDay(c.startsOn, c.language)
      : `${formatDay(c.startsOn, c.language)} – ${formatDay(c.endsOn, c.language)}`;
  return {
    pageSize: 'A4',
    pageMargins: [60, 80, 60, 60],
    info: { title: `${l.title} — ${c.event}` },
    defaultStyle: { font: DOSSIER_FONT, fontSize: 12, lineHeight: 1.3 },
    content: [
      { text: l.title, fontSize: 26, bold: true, alignment: 'center', margin: [0, 40, 0, 40] },
      { text: l.certifies, alignment: 'center' },
      {
        text: c.participant,
        fontSize: 20,
        bold: true,
        alignment: 'center',
        margin: [0, 16, 0, 16],
      },
      ...(VERB[c.language] ? [{ text: VERB[c.language], alignment: 'center' as const }] : []),
      { text: c.event, fontSize: 16, bold: true, alignment: 'center', margin: [0, 12, 0, 4] },
      { text: c.kind, alignment: 'center', color: '#444' },
      {
        text: [dates, c.place ? ` · ${c.place}` : ''].join(''),
        alignment: 'center',
        margin: [0, 8, 0, 24],
      },
      ...(c.organisers.length
        ? [{ text: `${l.organisedBy}: ${c.organisers.join(', ')}`, alignment: 'center' as const }]
        : []),
      {
        text: `${l.attended}: ${formatDay(c.attendedOn, c.language)}`,
        alignment: 'center',
        margin: [0, 24, 0, 0],
      },
    ],
    footer: {
      text: `${l.reference}: ${c.reference}`,
      fontSize: 8,
      color: '#666',
      alignment: 'center',
    },
  };
}

/** The certificate as a PDF. */
export async function renderCertificate(c: CertificateData): Promise<Buffer> {
  const pdfmake = preparePdfmake();
  return pdfmake.createPdf(certificateDefinition(c)).getBuffer();
}
