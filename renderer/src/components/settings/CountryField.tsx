import { useMemo } from 'react';
import { countryName, phoneCountries } from '../../../../main/domain/phone';

/**
 * The default country: the country of numbers typed without +country ("06 12345678"), in the contact
 * editor, the CSV import and anywhere else a number is typed. Set once from the computer's region.
 */
export function CountryField({
  id,
  value,
  locale,
  error,
  onChange,
}: {
  id: string;
  value: string;
  locale: string;
  error: string | undefined;
  onChange: (country: string) => void;
}) {
  const countries = useMemo(
    () =>
      phoneCountries()
        .map((code) => ({ code, name: countryName(code, locale) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    [locale],
  );
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>Default country for phone numbers</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : `${id}-hint`}
      >
        {value === '' ? <option value="">Choose a country…</option> : null}
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name} ({country.code})
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        Numbers typed without a country code, like 06 12345678, are read as numbers of this country.
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
