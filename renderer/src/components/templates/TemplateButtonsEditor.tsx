import { useId } from 'react';
import type { TemplateButtonSpec } from '../../../../main/contract/model';
import type { FieldErrors } from '../../state/field-errors';
import { FieldError } from '../FieldError';
import { TextField } from './TextField';

const BUTTON_WORD: Record<TemplateButtonSpec['type'], string> = {
  quick_reply: 'Quick reply',
  url: 'Link',
  phone_number: 'Call',
};
const NEW_BUTTON: Record<TemplateButtonSpec['type'], TemplateButtonSpec> = {
  quick_reply: { type: 'quick_reply', text: '' },
  url: { type: 'url', text: '', url: 'https://', example: '' },
  phone_number: { type: 'phone_number', text: '', phone: '+' },
};

/** The template's buttons: quick replies, links (one optional {{1}} at the end) and a call button. */
export function TemplateButtonsEditor({
  buttons,
  errors,
  onChange,
}: {
  buttons: readonly TemplateButtonSpec[];
  errors: FieldErrors;
  onChange: (buttons: TemplateButtonSpec[]) => void;
}) {
  const ids = useId();
  const id = (key: string) => `${ids}-${key.replace(/\W/g, '-')}`;
  const setButton = (index: number, button: TemplateButtonSpec) =>
    onChange(buttons.map((b, i) => (i === index ? button : b)));
  const line = (key: string, label: string, value: string, change: (v: string) => void) => (
    <TextField id={id(key)} label={label} value={value} onChange={change} message={errors[key]} />
  );
  return (
    <fieldset className="field-group">
      <legend>Buttons (optional)</legend>
      {buttons.map((button, i) => (
        <div key={i} className="template-button-row">
          <span className="field-label">
            {BUTTON_WORD[button.type]} button {i + 1}
          </span>
          {line(`buttons.${i}.text`, 'Label', button.text, (text) => setButton(i, { ...button, text }))}
          {button.type === 'url' ? (
            <>
              {line(`buttons.${i}.url`, 'Web address (may end in {{1}})', button.url, (url) =>
                setButton(i, { ...button, url }),
              )}
              {button.url.endsWith('{{1}}')
                ? line(`buttons.${i}.example`, 'Example for {{1}}', button.example, (example) =>
                    setButton(i, { ...button, example }),
                  )
                : null}
            </>
          ) : button.type === 'phone_number' ? (
            line(`buttons.${i}.phone`, 'Phone number', button.phone, (phone) =>
              setButton(i, { ...button, phone }),
            )
          ) : null}
          <button
            type="button"
            className="secondary"
            onClick={() => onChange(buttons.filter((_, j) => j !== i))}
          >
            Remove button {i + 1}
          </button>
        </div>
      ))}
      <div className="template-button-add">
        {(Object.keys(BUTTON_WORD) as TemplateButtonSpec['type'][]).map((type) => (
          <button
            key={type}
            type="button"
            className="secondary"
            onClick={() => onChange([...buttons, NEW_BUTTON[type]])}
          >
            Add {BUTTON_WORD[type].toLowerCase()} button
          </button>
        ))}
      </div>
      <FieldError id={id('buttons-error')} message={errors.buttons} />
    </fieldset>
  );
}
