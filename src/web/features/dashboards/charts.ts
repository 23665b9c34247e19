/**
 * What each table is drawn as: the columns its bars stand for and the columns its labels are made
 * of. Tables without a chart (advisories, events) are shown as tables only; the city flows are
 * drawn on the map; the members over time are drawn per country.
 */
export interface ChartSpec {
  /** Columns joined into the label of a bar group. */
  label: string[];
  /** Numeric columns, one bar each. */
  series: string[];
  /** Pivot: one bar per value of this column (the members per country). */
  pivot?: { column: string; value: string };
}

export const CHARTS: Record<string, ChartSpec | 'map' | null> = {
  flows: { label: ['fiscal_year'], series: ['sent_students', 'received_students'] },
  duration: { label: ['duration_band'], series: ['sent_students', 'received_students'] },
  balance: {
    label: ['project', 'fiscal_year'],
    series: ['realised_sent_students', 'realised_received_students'],
  },
  spend: {
    label: ['project', 'fiscal_year'],
    series: ['stipend_months_paid', 'cap_student_months'],
  },
  recognition: {
    label: ['fiscal_year', 'credit_system'],
    series: ['credits_planned', 'credits_recognised'],
  },
  advisories: null,
  members: {
    label: ['fiscal_year'],
    series: [],
    pivot: { column: 'country', value: 'members' },
  },
  country_flows: { label: ['fiscal_year', 'from_country', 'to_country'], series: ['students'] },
  events_by_year: {
    label: ['fiscal_year'],
    series: ['events', 'participants_registered'],
  },
  events: null,
  partners: {
    label: ['fiscal_year', 'partner'],
    series: ['outgoing_students', 'incoming_students'],
  },
  agreement_balance: {
    label: ['fiscal_year'],
    series: ['realised_sent_students', 'realised_received_students'],
  },
  city_flows: 'map',
};

/** Columns whose values are codes the page translates or names (countries, levels, bands). */
export const COUNTRY_COLUMNS = new Set(['country', 'from_country', 'to_country']);
export const CODE_COLUMNS: Record<string, string> = {
  duration_band: 'dashboards.bands',
  level: 'studyLevel',
  kind: 'events.kind',
  advisory_level: 'dashboards.advisoryLevels',
};
