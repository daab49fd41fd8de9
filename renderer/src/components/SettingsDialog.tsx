import { useId, useMemo, useState, type SyntheticEvent } from 'react';
import type { AppError } from '../../../main/contract/errors';
import type { Settings } from '../../../main/contract/model';
import { formatClock, systemTimeZone } from '../../../main/domain/zoned-time';
import { computerLocale } from '../format/zone';
import { useAppState, useStore } from '../state/context';
import { asAppError } from '../state/errors';
import { unclaimedErrors } from '../state/field-errors';
import { Dialog } from './Dialog';
import { FollowUpSettings, keywordsOf, type FollowUpForm } from './settings/FollowUpSettings';
import {
  isReminderKey,
  reminderErrors,
  reminderFormOf,
  reminderPatchOf,
  type ReminderForm,
} from './settings/reminder-form';
import { RemindersSection } from './settings/RemindersSection';
import { RateCardSection } from './settings/RateCardSection';
import { WhatsAppSection } from './settings/WhatsAppSection';
import { BackupsSection } from './settings/BackupsSection';
import { AnswerFasterSection } from './settings/AnswerFasterSection';
import { InboxSection } from './settings/InboxSection';
import { FormProblem } from './FormProblem';
import { DialogActions } from './DialogActions';
import { SettingsParts, SettingsPartsContext } from './settings/save-with-settings';
import { CountryField } from './settings/CountryField';

export const LOCALES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'en-US', label: 'English (United States)' },
  { value: 'nl-NL', label: 'Nederlands (Nederland)' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)' },
  { value: 'fr-FR', label: 'Français (France)' },
  { value: 'es-ES', label: 'Español (España)' },
  { value: 'it-IT', label: 'Italiano (Italia)' },
];

const THEMES: ReadonlyArray<{ value: Settings['theme']; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function timeZones(current: string | null): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current !== null) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/** How a locale writes a date and time, shown beside its name: "26/11/2025, 16:05". */
function sample(locale: string, at: number): string {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short' }).format(at);
  return `${date}, ${formatClock(at, systemTimeZone(), locale)}`;
}

const OWN_KEYS = ['timeZone', 'locale', 'defaultCountry', 'theme', 'defaultTemplateId', 'optOutKeywords'];

/**
 * Settings: time zone, language & format, theme, follow-ups, warnings before a window closes (one list:
 * the first is the "Closing" warning), and where the data lives. One "Save settings" saves all of it
 * and closes (issue 14: two save buttons left the owner unsure what was saved).
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const settings = useAppState((s) => s.settings);
  const dataDir = useAppState((s) => s.workspace?.dataDir ?? '');
  const [timeZone, setTimeZone] = useState(settings.timeZone ?? '');
  const [locale, setLocale] = useState(settings.locale ?? '');
  const [country, setCountry] = useState(settings.defaultCountry ?? '');
  const [theme, setTheme] = useState(settings.theme);
  const [followUp, setFollowUp] = useState<FollowUpForm>({
    defaultTemplateId: settings.defaultTemplateId ?? '',
    keywords: settings.optOutKeywords.join(', '),
  });
  const [reminders, setReminders] = useState<ReminderForm>(() => reminderFormOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [parts] = useState(() => new SettingsParts());
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const zones = useMemo(() => timeZones(settings.timeZone), [settings.timeZone]);
  const [sampleAt] = useState(() => store.ticker.readNow());

  function fail(caught: unknown) {
    const error = asAppError(caught);
    setProblem(error);
    setErrors(error.fields ?? {});
    setSaving(false);
  }

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    if (saving) return;
    const local = reminderErrors(reminders);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setProblem(null);
      return;
    }
    setSaving(true);
    setErrors({});
    setProblem(null);
    try {
      await store.updateSettings({
        timeZone: timeZone === '' ? null : timeZone,
        locale: locale === '' ? null : locale,
        ...(country === '' ? {} : { defaultCountry: country }),
        theme,
        defaultTemplateId: followUp.defaultTemplateId === '' ? null : followUp.defaultTemplateId,
        optOutKeywords: keywordsOf(followUp.keywords),
        ...reminderPatchOf(reminders),
      });
      await parts.saveAll();
      onClose();
    } catch (caught) {
      fail(caught);
    }
  }

  const others = unclaimedErrors(
    errors,
    (key) =>
      OWN_KEYS.some((own) => key === own || key.startsWith(`${own}.`)) || isReminderKey(key, reminders),
  );
  const invalid = (key: string) =>
    errors[key] ? { 'aria-invalid': true as const, 'aria-describedby': id(`${key}-error`) } : {};
  const errorText = (key: string) =>
    errors[key] ? (
      <p id={id(`${key}-error`)} className="field-error">
        {errors[key]}
      </p>
    ) : null;

  return (
    <Dialog title="Settings" onClose={onClose} className="settings-dialog">
      <SettingsPartsContext.Provider value={parts}>
        <form onSubmit={(event) => void save(event)} noValidate>
          <FormProblem
            message={
              problem !== null && (Object.keys(errors).length === 0 || others.length > 0)
                ? problem.message
                : null
            }
            others={others}
          />

          <div className="field">
            <label htmlFor={id('zone')}>Time zone</label>
            <select
              id={id('zone')}
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
              {...invalid('timeZone')}
            >
              <option value="">Follow this computer</option>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
            <p className="field-hint">This computer uses {systemTimeZone()}.</p>
            {errorText('timeZone')}
          </div>

          <div className="field">
            <label htmlFor={id('locale')}>Language &amp; format</label>
            <select
              id={id('locale')}
              value={locale}
              onChange={(e) => setLocale(e.target.value)}
              {...invalid('locale')}
            >
              <option value="">Follow this computer</option>
              {LOCALES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label} — {sample(option.value, sampleAt)}
                </option>
              ))}
            </select>
            <p className="field-hint">
              {locale === '' ? 'This computer writes' : 'Dates and times will look like'}{' '}
              {sample(locale === '' ? computerLocale() : locale, sampleAt)}.
            </p>
            {errorText('locale')}
          </div>

          <CountryField
            id={id('country')}
            value={country}
            locale={locale === '' ? computerLocale() : locale}
            error={errors.defaultCountry}
            onChange={setCountry}
          />

          <fieldset className="field-group">
            <legend>Theme</legend>
            <div className="radios">
              {THEMES.map((option) => (
                <label key={option.value} className="radio">
                  <input
                    type="radio"
                    name={id('theme')}
                    value={option.value}
                    checked={theme === option.value}
                    onChange={() => setTheme(option.value)}
                  />
                  {option.label}
                </label>
              ))}
            </div>
            {errorText('theme')}
          </fieldset>

          <FollowUpSettings form={followUp} errors={errors} onChange={setFollowUp} />

          <RateCardSection />

          <RemindersSection form={reminders} errors={errors} onChange={setReminders} />

          <AnswerFasterSection />

          <InboxSection />

          <WhatsAppSection />

          <BackupsSection onRestored={onClose} />

          <p className="data-dir-line">
            Where your data lives: <span className="data-dir">{dataDir}</span>
          </p>

          <DialogActions onCancel={onClose}>
            <button type="submit" className="primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save settings'}
            </button>
          </DialogActions>
        </form>
      </SettingsPartsContext.Provider>
    </Dialog>
  );
}
