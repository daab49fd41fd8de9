import { DEFAULT_BUSINESS_HOURS, type Settings } from '../../../../main/contract/model';

/** At most this many reminders per window (the contract's limit). */
export const MAX_LEADS = 6;

export interface LeadRow {
  /** Stable React key, not the position. */
  key: number;
  /** What the owner typed: whole minutes before the window closes. */
  value: string;
}

export interface DayHours {
  open: boolean;
  start: string;
  end: string;
}

export interface ReminderForm {
  leads: LeadRow[];
  remindOnlyWhenWaiting: boolean;
  quietHoursEnabled: boolean;
  /** By weekday index: 0 = Sunday … 6 = Saturday, as in Settings.businessHours. */
  hours: DayHours[];
}

export type ReminderPatch = Pick<
  Settings,
  'reminderLeadMinutes' | 'remindOnlyWhenWaiting' | 'quietHoursEnabled' | 'businessHours'
>;

/** The week as the owner reads it, Monday first, with the index each day has in the settings. */
export const WEEKDAYS: ReadonlyArray<{ index: number; name: string }> = [
  { index: 1, name: 'Monday' },
  { index: 2, name: 'Tuesday' },
  { index: 3, name: 'Wednesday' },
  { index: 4, name: 'Thursday' },
  { index: 5, name: 'Friday' },
  { index: 6, name: 'Saturday' },
  { index: 0, name: 'Sunday' },
];

const OPENING = { start: '09:00', end: '18:00' };

let leadKeys = 0;
export const leadRow = (value = ''): LeadRow => ({ key: ++leadKeys, value });

export function reminderFormOf(settings: Settings): ReminderForm {
  const hours = settings.businessHours.length === 7 ? settings.businessHours : DEFAULT_BUSINESS_HOURS;
  return {
    leads: settings.reminderLeadMinutes.map((minutes) => leadRow(String(minutes))),
    remindOnlyWhenWaiting: settings.remindOnlyWhenWaiting,
    quietHoursEnabled: settings.quietHoursEnabled,
    hours: hours.map((day) => (day === null ? { open: false, ...OPENING } : { open: true, ...day })),
  };
}

/** A day the owner ticks "Open" gets its old hours back, or 09:00–18:00. */
export function withDayOpen(day: DayHours, open: boolean): DayHours {
  if (!open) return { ...day, open };
  return { open, start: day.start || OPENING.start, end: day.end || OPENING.end };
}

export function reminderPatchOf(form: ReminderForm): ReminderPatch {
  return {
    reminderLeadMinutes: form.leads.map((lead) => Number(lead.value.trim())),
    remindOnlyWhenWaiting: form.remindOnlyWhenWaiting,
    quietHoursEnabled: form.quietHoursEnabled,
    businessHours: form.hours.map((day) => (day.open ? { start: day.start, end: day.end } : null)),
  };
}

/** What the form can see before asking the main process; keyed like the main process's field errors. */
export function reminderErrors(form: ReminderForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.leads.length === 0) {
    // The first warning is also when a window turns "Closing": there is always one (issue 14, one model).
    errors.reminderLeadMinutes = 'Keep at least one warning: the first marks a window as Closing.';
  }
  form.leads.forEach((lead, index) => {
    if (!/^\d+$/.test(lead.value.trim())) {
      errors[`reminderLeadMinutes.${index}`] = 'Enter whole minutes, for example 15.';
    }
  });
  form.hours.forEach((day, index) => {
    if (day.open && (day.start === '' || day.end === '')) {
      errors[`businessHours.${index}`] = 'Enter the opening and the closing time.';
    }
  });
  return errors;
}

/** Whether the reminder section shows an error under this key (else it goes to the top of the form). */
export function isReminderKey(key: string, form: ReminderForm): boolean {
  if (key === 'reminderLeadMinutes' || key === 'remindOnlyWhenWaiting' || key === 'quietHoursEnabled')
    return true;
  const lead = /^reminderLeadMinutes\.(\d+)(\..*)?$/.exec(key);
  if (lead) return Number(lead[1]) < form.leads.length;
  return key === 'businessHours' || /^businessHours\.[0-6](\..*)?$/.test(key);
}
