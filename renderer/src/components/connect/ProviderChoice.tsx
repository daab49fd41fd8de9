import type { ProviderKind } from '../../../../main/contract/account-cm';

const CHOICES: ReadonlyArray<{ kind: ProviderKind; label: string; hint: string }> = [
  {
    kind: 'cloud-api',
    label: 'WhatsApp Cloud API (Meta)',
    hint: 'Your number is set up directly with Meta, in WhatsApp Manager.',
  },
  {
    kind: 'cm-com',
    label: 'CM.com',
    hint: 'Your number is set up through CM.com, in its Channels app.',
  },
];

/** "Connect through": the owner's provider; each has its own fields below. */
export function ProviderChoice({
  value,
  onChange,
}: {
  value: ProviderKind;
  onChange: (kind: ProviderKind) => void;
}) {
  return (
    <fieldset className="field connect-provider">
      <legend>Connect through</legend>
      {CHOICES.map((choice) => (
        <label key={choice.kind} className="connect-provider-option">
          <input
            type="radio"
            name="connect-provider"
            value={choice.kind}
            checked={value === choice.kind}
            onChange={() => onChange(choice.kind)}
          />
          <span>
            {choice.label}
            <span className="field-hint"> — {choice.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
