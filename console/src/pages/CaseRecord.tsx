import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem, type Schemas } from '../api';
import { useCodes } from '../codes';
import { formatTime, isoToLocal, localToIso } from '../format';
import { Check, CodeSelect, Label, TextField } from '../ui';
import { outcome, StepForm } from './step-form';

type FullView = Schemas['ChildProtectionCaseViewDto'];
type Profile = Schemas['UserProfile'];

/** Who changed what, when and why (GET /cases/{id}/history), newest first, opened on demand. */
export function CaseHistory({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Schemas['HistoryItemDto'][] | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    void api
      .GET('/api/v1/cases/{id}/history', { params: { path: { id }, query: { limit: 200 } } })
      .then(({ data }) => setItems(data?.items ?? []));
  }, [id, open, version]);
  const shown = (value: string | number | boolean | null, personal: boolean) =>
    value === null ? (personal ? t('history.hidden') : '—') : String(value);
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">{t('history.title')}</h2>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('common.hide') : t('common.show')}
      </button>
      {open && items?.length === 0 && <p>{t('history.none')}</p>}
      {open && items && items.length > 0 && (
        <ol className="history">
          {items.map((item, index) => (
            <li key={index}>
              <p>
                {formatTime(item.at)} · <Label list="historyActions" code={item.action} /> · {item.username ?? '—'} (
                <Label list="roles" code={item.role} />)
              </p>
              {item.reason && (
                <p className="free-text">
                  {t('history.reason')}: {item.reason}
                </p>
              )}
              {item.changes.length > 0 && (
                <ul>
                  {item.changes.map((change, i) => (
                    <li key={i}>
                      <code>{change.field}</code>: {shown(change.from, change.personal)} →{' '}
                      {shown(change.to, change.personal)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The case meetings of Decree 56 step 4, as the case view lists them. */
export function Meetings({ view }: { view: FullView }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  return (
    <section aria-labelledby="meetings-h">
      <h2 id="meetings-h">{t('meetings.title')}</h2>
      {view.meetings.length === 0 && <p>{t('meetings.none')}</p>}
      {view.meetings.map((meeting, index) => (
        <div key={index} className="card">
          <p>
            <strong>{formatTime(meeting.heldAt)}</strong> ·{' '}
            {meeting.participants.map((code) => label('meetingParticipants', code)).join(', ')} ·{' '}
            {t('meetings.recordedBy')}: {meeting.recordedBy}
          </p>
          <p className="free-text">{meeting.decisions}</p>
        </div>
      ))}
    </section>
  );
}

/** The form of the `meetings` step: when, who took part, what was decided. */
export function MeetingForm({ view, onDone }: { view: FullView; onDone: () => void }) {
  const { t } = useTranslation();
  const { options } = useCodes();
  const [heldAt, setHeldAt] = useState('');
  const [participants, setParticipants] = useState<string[]>([]);
  const [decisions, setDecisions] = useState('');
  return (
    <StepForm
      title={t('step.meetings.title')}
      submit={t('step.meetings.submit')}
      onDone={onDone}
      onSubmit={async () =>
        outcome(
          await api.POST('/api/v1/cases/{id}/meetings', {
            params: { path: { id: view.id } },
            body: {
              version: view.version,
              heldAt: localToIso(heldAt) ?? '',
              participants: participants as Schemas['MeetingDto']['participants'],
              decisions,
            },
          }),
        )
      }
    >
      {(errors) => (
        <>
          <TextField
            label={t('meetings.heldAt')}
            type="datetime-local"
            value={heldAt}
            onChange={setHeldAt}
            error={errors.heldAt}
          />
          <fieldset className="choices">
            <legend>{t('meetings.participants')}</legend>
            {options('meetingParticipants').map((option) => (
              <Check
                key={option.code}
                label={option.label}
                checked={participants.includes(option.code)}
                onChange={(on) =>
                  setParticipants(on ? [...participants, option.code] : participants.filter((c) => c !== option.code))
                }
              />
            ))}
            {errors.participants && <small className="error">{errors.participants}</small>}
          </fieldset>
          <TextField
            label={t('meetings.decisions')}
            multiline
            value={decisions}
            onChange={setDecisions}
            error={errors.decisions}
          />
        </>
      )}
    </StepForm>
  );
}

/** Only the fields that differ from the record: the API corrects those and keeps the rest. */
function changed<T extends Record<string, unknown>>(now: T, before: T): Partial<T> {
  return Object.fromEntries(Object.entries(now).filter(([key, value]) => value !== before[key])) as Partial<T>;
}

/** The duplicate child a refused child correction points to (409 with `duplicateOfChildId`). */
const duplicateOf = (problem: Problem): string | undefined =>
  (problem as Problem & { duplicateOfChildId?: string }).duplicateOfChildId;

/** Corrections of the case and of its child, each with its reason (PATCH /cases/{id}, /cases/{id}/child). */
export function Corrections({ view, onDone }: { view: FullView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const caseBefore = {
    category: view.category as string,
    form: view.form as string,
    fatal: view.fatal,
    occurredAt: isoToLocal(view.occurredAt),
    occurredAreaCode: view.occurredAreaCode,
    allegedPerpetrator: (view.allegedPerpetrator ?? '') as string,
    description: view.description ?? '',
  };
  const childBefore = {
    fullName: view.child.fullName,
    dateOfBirth: view.child.dateOfBirth ?? '',
    estimatedAge: view.child.estimatedAge === null ? '' : String(view.child.estimatedAge),
    sex: view.child.sex as string,
    residenceAreaCode: view.child.residenceAreaCode ?? '',
    address: view.child.address ?? '',
  };
  const [kase, setCase] = useState(caseBefore);
  const [child, setChild] = useState(childBefore);
  const [caseReason, setCaseReason] = useState('');
  const [childReason, setChildReason] = useState('');
  const setC =
    <K extends keyof typeof kase>(name: K) =>
    (value: (typeof kase)[K]) =>
      setCase({ ...kase, [name]: value });
  const setK = (name: keyof typeof child) => (value: string) => setChild({ ...child, [name]: value });
  const id = { params: { path: { id: view.id } } };

  return (
    <details className="more">
      <summary>
        {t('correct.case')} · {t('correct.child')}
      </summary>
      <StepForm
        title={t('correct.case')}
        submit={t('correct.caseSubmit')}
        onDone={() => onDone(t('correct.corrected'))}
        onSubmit={async () => {
          const diff = changed(kase, caseBefore);
          const body: Schemas['CorrectCaseDto'] = {
            version: view.version,
            reason: caseReason,
            category: diff.category as Schemas['CorrectCaseDto']['category'],
            form: diff.form as Schemas['CorrectCaseDto']['form'],
            fatal: diff.fatal,
            occurredAt: diff.occurredAt === undefined ? undefined : (localToIso(diff.occurredAt) ?? null),
            occurredAreaCode: diff.occurredAreaCode?.trim(),
            allegedPerpetrator:
              diff.allegedPerpetrator === undefined
                ? undefined
                : ((diff.allegedPerpetrator || null) as Schemas['CorrectCaseDto']['allegedPerpetrator']),
            description: diff.description === undefined ? undefined : diff.description.trim() || null,
          };
          return outcome(await api.PATCH('/api/v1/cases/{id}', { ...id, body }));
        }}
      >
        {(errors) => (
          <>
            <CodeSelect
              label={t('intake.category')}
              list="categories"
              value={kase.category}
              onChange={(value) => setCase({ ...kase, category: value, form: '', fatal: false })}
              error={errors.category}
            />
            <CodeSelect
              label={t('intake.form')}
              list="forms"
              value={kase.form}
              onChange={setC('form')}
              only={(option) => option.category === kase.category}
              error={errors.form}
            />
            {kase.category === 'injury' && (
              <Check label={t('intake.fatal')} checked={kase.fatal} onChange={setC('fatal')} />
            )}
            {errors.fatal && <small className="error">{errors.fatal}</small>}
            <TextField
              label={t('intake.occurredAt')}
              type="datetime-local"
              value={kase.occurredAt}
              onChange={setC('occurredAt')}
              error={errors.occurredAt}
            />
            <TextField
              label={t('intake.occurredAreaCode')}
              value={kase.occurredAreaCode}
              onChange={setC('occurredAreaCode')}
              error={errors.occurredAreaCode}
            />
            <CodeSelect
              label={t('intake.perpetrator')}
              list="perpetrators"
              value={kase.allegedPerpetrator}
              onChange={setC('allegedPerpetrator')}
              error={errors.allegedPerpetrator}
            />
            <TextField
              label={t('intake.description')}
              multiline
              value={kase.description}
              onChange={setC('description')}
              error={errors.description}
            />
            <TextField
              label={t('correct.reason')}
              multiline
              value={caseReason}
              onChange={setCaseReason}
              error={errors.reason}
            />
          </>
        )}
      </StepForm>
      <StepForm
        title={t('correct.child')}
        submit={t('correct.childSubmit')}
        onDone={() => onDone(t('correct.corrected'))}
        explain={(problem) => {
          const other = duplicateOf(problem);
          if (problem.status !== 409 || !other) return null;
          return (
            <div className="notice" role="status">
              <p>{t('correct.duplicate')}</p>
              <MergeButton
                childId={view.child.id}
                intoChildId={other}
                reason={childReason}
                onDone={() => onDone(t('duplicates.merged'))}
              />
            </div>
          );
        }}
        onSubmit={async () => {
          const diff = changed(child, childBefore);
          const body: Schemas['CorrectChildDto'] = {
            version: view.version,
            reason: childReason,
            fullName: diff.fullName?.trim(),
            dateOfBirth: diff.dateOfBirth === undefined ? undefined : diff.dateOfBirth || null,
            estimatedAge:
              diff.estimatedAge === undefined ? undefined : diff.estimatedAge === '' ? null : Number(diff.estimatedAge),
            sex: diff.sex as Schemas['CorrectChildDto']['sex'],
            residenceAreaCode: diff.residenceAreaCode === undefined ? undefined : diff.residenceAreaCode.trim() || null,
            address: diff.address === undefined ? undefined : diff.address.trim() || null,
          };
          return outcome(await api.PATCH('/api/v1/cases/{id}/child', { ...id, body }));
        }}
      >
        {(errors) => (
          <>
            <TextField
              label={t('child.fullName')}
              value={child.fullName}
              onChange={setK('fullName')}
              error={errors.fullName}
            />
            <TextField
              label={t('child.dateOfBirth')}
              type="date"
              value={child.dateOfBirth}
              onChange={setK('dateOfBirth')}
              error={errors.dateOfBirth}
            />
            <TextField
              label={t('child.estimatedAge')}
              hint={t('child.estimatedAgeHint')}
              type="number"
              value={child.estimatedAge}
              onChange={setK('estimatedAge')}
              error={errors.estimatedAge}
            />
            <CodeSelect
              label={t('child.sex')}
              list="sexes"
              value={child.sex}
              onChange={setK('sex')}
              error={errors.sex}
            />
            <TextField
              label={t('child.residence')}
              value={child.residenceAreaCode}
              onChange={setK('residenceAreaCode')}
              error={errors.residenceAreaCode}
            />
            <TextField
              label={t('child.address')}
              value={child.address}
              onChange={setK('address')}
              error={errors.address}
            />
            <TextField
              label={t('correct.reason')}
              multiline
              value={childReason}
              onChange={setChildReason}
              error={errors.reason}
            />
          </>
        )}
      </StepForm>
    </details>
  );
}

/** Merges this case's child record into another (the other stays): POST /children/{id}/merge. */
function MergeButton(props: { childId: string; intoChildId: string; reason: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const result = await api.POST('/api/v1/children/{id}/merge', {
          params: { path: { id: props.childId } },
          body: { intoChildId: props.intoChildId, reason: props.reason },
        });
        setBusy(false);
        if (result.response.ok) props.onDone();
      }}
    >
      {t('duplicates.mergeSubmit')}
    </button>
  );
}

/**
 * The possible duplicates the case view offers: merge the other record into this case's child,
 * or say they are two children (POST /children/{id}/merge, /children/{id}/not-duplicate).
 */
export function Duplicates({
  view,
  profile,
  onDone,
}: {
  view: FullView;
  profile: Profile;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  if (!view.possibleDuplicates.length) return null;
  const mayMerge = profile.role === 'commune_officer' || profile.role === 'provincial_officer';
  return (
    <section aria-labelledby="dup-h">
      <h2 id="dup-h">{t('duplicates.title')}</h2>
      {view.possibleDuplicates.map((dup) => (
        <div key={dup.childId} className="card">
          <p>{t('duplicates.cases', { numbers: dup.caseNumbers.join(', ') })}</p>
          {mayMerge && (
            <>
              <StepForm
                title={t('duplicates.merge')}
                submit={t('duplicates.mergeSubmit')}
                onDone={() => onDone(t('duplicates.merged'))}
                onSubmit={async () =>
                  outcome(
                    await api.POST('/api/v1/children/{id}/merge', {
                      params: { path: { id: dup.childId } },
                      body: { intoChildId: view.child.id, reason },
                    }),
                  )
                }
              >
                {(errors) => (
                  <TextField
                    label={t('step.reason')}
                    multiline
                    value={reason}
                    onChange={setReason}
                    error={errors.reason}
                  />
                )}
              </StepForm>
              <StepForm
                title={t('duplicates.notDuplicate')}
                submit={t('duplicates.notDuplicate')}
                onDone={() => onDone(t('duplicates.notDuplicateDone'))}
                onSubmit={async () =>
                  outcome(
                    await api.POST('/api/v1/children/{id}/not-duplicate', {
                      params: { path: { id: view.child.id } },
                      body: { otherChildId: dup.childId },
                    }),
                  )
                }
              >
                {() => null}
              </StepForm>
            </>
          )}
        </div>
      ))}
    </section>
  );
}

/** The consents and disclosures recorded on the case (the case view lists them, oldest first). */
export function Sharing({ view }: { view: FullView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sharing-h">
      <h2 id="sharing-h">{t('sharing.title')}</h2>
      <h3>{t('sharing.consents')}</h3>
      {view.consents.length === 0 && <p>{t('sharing.none')}</p>}
      <ul>
        {view.consents.map((consent) => (
          <li key={consent.id}>
            {formatTime(consent.recordedAt)} · <Label list="consentParties" code={consent.party} /> ·{' '}
            {consent.granted ? t('sharing.granted') : t('sharing.refused')}
          </li>
        ))}
      </ul>
      <h3>{t('sharing.disclosures')}</h3>
      {view.disclosures.length === 0 && <p>{t('sharing.none')}</p>}
      <ul>
        {view.disclosures.map((disclosure) => (
          <li key={disclosure.id}>
            {formatTime(disclosure.disclosedAt)} · {disclosure.recipient} (
            <Label list="recipientTypes" code={disclosure.recipientType} />) · {disclosure.purpose}
            {disclosure.legalBasis && <> · {disclosure.legalBasis}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
