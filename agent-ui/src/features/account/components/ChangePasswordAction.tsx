import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { testId } from '../../../lib/test-id';
import { changePassword } from '../change-password-api';
import {
  hasAllowedLength,
  PASSWORD_DIFFERS_RULE,
  PASSWORD_LENGTH_RULE,
  passwordChangeProblems,
  type PasswordChangeDraft,
} from '../password-policy';

/** Props: the signed-in officer's bearer token, sent with the change. */
export interface ChangePasswordActionProps {
  accessToken: string;
}

/** The DSFR modal of the form; one per page, since the console has one signed-in officer. */
const passwordModal = createModal({ id: 'change-password-modal', isOpenedByDefault: false });

const EMPTY_DRAFT: PasswordChangeDraft = { currentPassword: '', newPassword: '', confirmation: '' };

/**
 * The form's fields, in order: the draft's key, the label, the input's name and test id, and the autocomplete hint
 * password managers read (HTML Living Standard, « Autofill »).
 */
const PASSWORD_FIELDS = [
  { field: 'currentPassword', label: 'Mot de passe actuel', id: 'current-password', autoComplete: 'current-password' },
  { field: 'newPassword', label: 'Nouveau mot de passe', id: 'new-password', autoComplete: 'new-password' },
  {
    field: 'confirmation',
    label: 'Confirmation du nouveau mot de passe',
    id: 'new-password-confirmation',
    autoComplete: 'new-password',
  },
] as const satisfies readonly { field: keyof PasswordChangeDraft; label: string; id: string; autoComplete: string }[];

/** One line under a password field: DSFR's `PasswordInput` message. */
type FieldMessage = { severity: 'info' | 'valid' | 'error'; message: string };

/** The field's problem as an error line, or no line. */
function errorLine(problem: string | undefined): FieldMessage[] {
  return problem === undefined ? [] : [{ severity: 'error', message: problem }];
}

/**
 * The rules under the new password: « info » until met, « valid » once met, « error » when a submitted draft breaks
 * them.
 */
function ruleLines(draft: PasswordChangeDraft, submitted: boolean): FieldMessage[] {
  const unmet = submitted ? 'error' : 'info';
  const lengthMet = hasAllowedLength(draft.newPassword);
  const differsMet = draft.newPassword !== '' && draft.newPassword !== draft.currentPassword;
  return [
    { severity: lengthMet ? 'valid' : unmet, message: PASSWORD_LENGTH_RULE },
    { severity: differsMet ? 'valid' : unmet, message: PASSWORD_DIFFERS_RULE },
  ];
}

/**
 * « Changer mon mot de passe » (`data-testid="change-password-button"`) and its DSFR modal: current password, new
 * password with its rules (12 to 128 characters, different from the current one) and confirmation, with the
 * `current-password` / `new-password` autocomplete hints for password managers. The draft is checked before it is
 * sent (French messages under the fields); the server's refusal is shown in French in an alert
 * (`data-testid="password-change-error"`), e.g. « Mot de passe actuel incorrect ». On success the form gives way to
 * « Mot de passe modifié » (`data-testid="password-changed"`, in a live region) and the officer's other sessions are
 * closed by the server. Closing the modal forgets what was typed.
 */
export function ChangePasswordAction({ accessToken }: ChangePasswordActionProps) {
  const [draft, setDraft] = useState<PasswordChangeDraft>(EMPTY_DRAFT);
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);

  useIsModalOpen(passwordModal, {
    onConceal: () => {
      setDraft(EMPTY_DRAFT);
      setSubmitted(false);
      setRefusal(null);
      setDone(false);
    },
  });

  // The submit button disappears with the form: keep the focus in the dialog, on the way out.
  useEffect(() => {
    if (done) {
      closeButton.current?.focus();
    }
  }, [done]);

  const problems = submitted ? passwordChangeProblems(draft) : {};

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    setRefusal(null);
    if (Object.keys(passwordChangeProblems(draft)).length > 0) {
      return;
    }
    setPending(true);
    const result = await changePassword(accessToken, { currentPassword: draft.currentPassword, newPassword: draft.newPassword });
    setPending(false);
    if (result.ok) {
      setDraft(EMPTY_DRAFT);
      setDone(true);
    } else {
      setRefusal(result.message);
    }
  };

  return (
    <>
      <Button
        priority="tertiary"
        size="small"
        iconId="fr-icon-lock-line"
        nativeButtonProps={{ ...passwordModal.buttonProps, ...testId('change-password-button') }}
      >
        Changer mon mot de passe
      </Button>
      <passwordModal.Component title="Changer mon mot de passe" titleAs="h2">
        <div role="status">
          {done && (
            <Alert severity="success" small description="Mot de passe modifié" data-testid="password-changed" />
          )}
        </div>
        {done ? (
          <div className="fr-mt-2w">
            <p>Vos autres sessions de la console sont fermées.</p>
            <Button
              ref={closeButton}
              priority="secondary"
              onClick={() => passwordModal.close()}
              nativeButtonProps={testId('password-change-close')}
            >
              Fermer
            </Button>
          </div>
        ) : (
          <form noValidate onSubmit={(event) => void handleSubmit(event)} {...testId('password-change-form')}>
            {refusal !== null && (
              <Alert
                className="fr-mb-2w"
                severity="error"
                small
                role="alert"
                description={refusal}
                data-testid="password-change-error"
              />
            )}
            {PASSWORD_FIELDS.map(({ field, label, id, autoComplete }) => (
              <PasswordInput
                key={id}
                label={label}
                // Only the new password lists its rules, under DSFR's « Votre mot de passe doit contenir : ».
                messagesHint={field === 'newPassword' ? undefined : ''}
                messages={field === 'newPassword' ? ruleLines(draft, submitted) : errorLine(problems[field])}
                nativeInputProps={{
                  name: id,
                  autoComplete,
                  value: draft[field],
                  onChange: (event) => setDraft((previous) => ({ ...previous, [field]: event.target.value })),
                  ...testId(id),
                }}
              />
            ))}
            <ButtonsGroup
              className="fr-mt-3w"
              inlineLayoutWhen="sm and up"
              alignment="right"
              buttons={[
                { children: 'Annuler', priority: 'secondary', type: 'button', onClick: () => passwordModal.close() },
                {
                  children: 'Enregistrer',
                  type: 'submit',
                  disabled: pending,
                  nativeButtonProps: testId('password-change-submit'),
                },
              ]}
            />
          </form>
        )}
      </passwordModal.Component>
    </>
  );
}
