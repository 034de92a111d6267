import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemOf, type Problem, type Schemas } from '../api';
import { formatTime, localToIso, timeLeft } from '../format';
import { useCodes } from '../codes';
import { Check, CodeSelect, Done, Label, ProblemBanner, TextField } from '../ui';
import { outcome, StepForm } from './step-form';
import { CaseHistory, Corrections, Duplicates, MeetingForm, Meetings, Sharing } from './CaseRecord';

type FullView = Schemas['ChildProtectionCaseViewDto'];
type AgencyView = Schemas['AgencyCaseViewDto'];
type View = FullView | AgencyView;
type Action = FullView['allowedActions'][number];
type Intervention = Schemas['InterventionViewDto'];
type Profile = Schemas['UserProfile'];

const isFull = (view: View): view is FullView => 'assessments' in view;
const isFullIntervention = (item: Intervention | Schemas['InterventionSummaryDto']): item is Intervention =>
  'allowedStatuses' in item;

export function CaseFile({ id, profile }: { id: string; profile: Profile }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(async () => {
    const { data, error, response } = await api.GET('/api/v1/cases/{id}', { params: { path: { id } } });
    if (data) setView(data);
    else setProblem(problemOf(error, response.status));
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const after = (message: string) => () => {
    setDone(message);
    void load();
  };

  if (problem) return <ProblemBanner problem={problem} />;
  if (!view) return <p>{t('common.loading')}</p>;
  const full = isFull(view) ? view : null;

  return (
    <article className="case-file">
      <h1>
        {t('case.title')} {view.caseNumber}
      </h1>
      <Done message={done} />
      <dl className="facts">
        <Fact term={t('cases.status')}>
          <Label list="caseStatuses" code={view.status} />
        </Fact>
        <Fact term={t('cases.category')}>
          <Label list="categories" code={view.category} /> · <Label list="forms" code={view.form} />
          {view.fatal && <> · {t('intake.fatal')}</>}
        </Fact>
        <Fact term={t('case.risk')}>
          <Label list="riskLevels" code={view.riskLevel} />
          {view.emergency && <strong className="overdue"> · {t('case.emergency')}</strong>}
        </Fact>
        <Fact term={t('case.substantiation')}>
          <Label list="substantiations" code={view.substantiation} />
        </Fact>
        <Fact term={t('cases.received')}>{formatTime(view.receivedAt)}</Fact>
        <Fact term={t('intake.occurredAt')}>{formatTime(view.occurredAt)}</Fact>
        <Fact term={t('case.area')}>{view.areaCode}</Fact>
        <Fact term={t('intake.perpetrator')}>
          <Label list="perpetrators" code={view.allegedPerpetrator} />
        </Fact>
        <Fact term={t('cases.assignee')}>{view.assignee?.fullName ?? t('cases.unassigned')}</Fact>
        {view.transfer && (
          <Fact term={t('case.transfer')}>
            {view.transfer.toAreaCode} · {t(`case.transferStatus.${view.transfer.status}`)}
          </Fact>
        )}
      </dl>

      <section aria-labelledby="child-h">
        <h2 id="child-h">{t('case.child')}</h2>
        <dl className="facts">
          <Fact term={t('child.fullName')}>{view.child.fullName}</Fact>
          <Fact term={t('child.dateOfBirth')}>
            {view.child.dateOfBirth ??
              (view.child.estimatedAge !== null ? t('child.aboutYears', { age: view.child.estimatedAge }) : '—')}
          </Fact>
          <Fact term={t('child.sex')}>
            <Label list="sexes" code={view.child.sex} />
          </Fact>
          <Fact term={t('child.residence')}>{view.child.residenceAreaCode ?? '—'}</Fact>
          <Fact term={t('child.address')}>{view.child.address ?? '—'}</Fact>
        </dl>
      </section>

      {full && <Duplicates view={full} profile={profile} onDone={(message) => after(message)()} />}

      {full && (full.childLocation || full.familySituation || full.actionsTaken || full.caregivers.length > 0) && (
        <section aria-labelledby="mau01-h">
          <h2 id="mau01-h">{t('mau01.more')}</h2>
          <dl className="facts">
            {full.childLocation && <Fact term={t('mau01.childLocation')}>{full.childLocation}</Fact>}
            {full.familySituation && <Fact term={t('mau01.familySituation')}>{full.familySituation}</Fact>}
            {full.actionsTaken && <Fact term={t('mau01.actionsTaken')}>{full.actionsTaken}</Fact>}
            {full.caregivers.length > 0 && (
              <Fact term={t('mau01.caregivers')}>
                <ul>
                  {full.caregivers.map((caregiver, index) => (
                    <li key={index}>
                      {caregiver.name ?? '—'}
                      {caregiver.relationship ? ` (${caregiver.relationship})` : ''} {caregiver.phone ?? ''}
                    </li>
                  ))}
                </ul>
              </Fact>
            )}
          </dl>
        </section>
      )}

      {full?.description && (
        <section aria-labelledby="desc-h">
          <h2 id="desc-h">{t('intake.description')}</h2>
          <p className="free-text">{full.description}</p>
        </section>
      )}

      <section aria-labelledby="reports-h">
        <h2 id="reports-h">{t('case.reports')}</h2>
        <ul>
          {view.reports.map((report) => (
            <li key={report.id}>
              <Label list="channels" code={report.channel} /> · {formatTime(report.receivedAt)}
              {report.reporter ? (
                <span>
                  {' '}
                  · {t('case.reporter')}: {report.reporter.name ?? '—'} {report.reporter.phone ?? ''}{' '}
                  {report.reporter.relationship ? `(${report.reporter.relationship})` : ''}
                </span>
              ) : (
                <span className="hint"> · {t('case.reporterHidden')}</span>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="deadlines-h">
        <h2 id="deadlines-h">{t('case.deadlines')}</h2>
        <ul>
          {view.deadlines.map((deadline, index) => (
            <li key={index}>
              <Label list="deadlineKinds" code={deadline.kind} /> · {formatTime(deadline.dueAt)} ·{' '}
              {deadline.metAt ? (
                <span className="met">{t('case.metAt', { at: formatTime(deadline.metAt) })}</span>
              ) : view.status === 'closed' ? (
                '—'
              ) : (
                <span className={deadline.overdue ? 'overdue' : 'due'}>{timeLeft(deadline.dueAt).text}</span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {full && <Assessments view={full} />}
      {full && <Meetings view={full} />}

      <section aria-labelledby="interventions-h">
        <h2 id="interventions-h">{t('case.interventions')}</h2>
        {view.interventions.length === 0 && <p>{t('case.noInterventions')}</p>}
        <ul className="cards">
          {view.interventions.map((item) => (
            <li key={item.id} className="card">
              <p>
                <strong>
                  <Label list="agencies" code={item.agency} />
                </strong>{' '}
                · <Label list="interventionStatuses" code={item.status} />
              </p>
              {isFullIntervention(item) && (
                <>
                  <p>
                    <Label list="interventionTypes" code={item.type} /> · {item.areaCode} · {t('queue.due')}{' '}
                    {formatTime(item.dueAt)}
                  </p>
                  {item.notes && <p className="free-text">{item.notes}</p>}
                  {item.outcome && (
                    <p>
                      {t('case.outcome')}: {item.outcome}
                    </p>
                  )}
                  {item.allowedStatuses.length > 0 && (
                    <InterventionUpdate
                      key={`${item.id}-${item.version}`}
                      item={item}
                      onDone={after(t('case.interventionUpdated'))}
                    />
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      {full && (
        <section aria-labelledby="steps-h">
          <h2 id="steps-h">{t('case.steps')}</h2>
          {full.allowedActions.length === 0 && <p>{t('case.noSteps')}</p>}
          {full.allowedActions.map((action) => (
            <StepFor
              key={action}
              action={action}
              view={full}
              profile={profile}
              onDone={after(t(`step.${action}.done`))}
            />
          ))}
          <CaseWork view={full} profile={profile} onDone={after(t('case.saved'))} />
          {(profile.role === 'commune_officer' || profile.role === 'provincial_officer') && (
            <Corrections key={full.version} view={full} onDone={(message) => after(message)()} />
          )}
        </section>
      )}

      {full && <Sharing view={full} />}
      {full && <Timeline view={full} />}
      {full && <CaseHistory id={full.id} version={full.version} />}
      {full && <AccessLog id={full.id} />}
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Assessments({ view }: { view: FullView }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="assess-h">
        <h2 id="assess-h">{t('case.assessments')}</h2>
        {view.assessments.length === 0 && <p>—</p>}
        {view.assessments.map((item, index) => (
          <div key={index} className="card">
            <p>
              <strong>{t(`case.assessment.${item.kind}`)}</strong> · <Label list="riskLevels" code={item.riskLevel} /> ·{' '}
              {formatTime(item.performedAt)} · {item.performedBy}
            </p>
            {item.substantiation && (
              <p>
                <Label list="substantiations" code={item.substantiation} />
              </p>
            )}
            {item.notes && <p className="free-text">{item.notes}</p>}
            {item.findings && (
              <dl className="facts">
                {Object.entries(item.findings).map(([name, text]) => (
                  <Fact key={name} term={t(`findings.${name}`)}>
                    {text}
                  </Fact>
                ))}
              </dl>
            )}
          </div>
        ))}
        {view.emergencyActions.map((item, index) => (
          <p key={index}>
            <Label list="emergencyActionTypes" code={item.type} /> · {formatTime(item.performedAt)} · {item.performedBy}
            {item.notes && <span className="free-text"> — {item.notes}</span>}
          </p>
        ))}
      </section>
      {view.plan && (
        <section aria-labelledby="plan-h">
          <h2 id="plan-h">{t('case.plan')}</h2>
          <p>
            {t('case.planDrafted', { at: formatTime(view.plan.draftedAt) })}
            {view.plan.approvedAt && <> · {t('case.planApproved', { at: formatTime(view.plan.approvedAt) })}</>}
          </p>
          <ul>
            {view.plan.goals.map((goal, index) => (
              <li key={index}>{goal}</li>
            ))}
          </ul>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('plan.agency')}</th>
                <th scope="col">{t('plan.action')}</th>
                <th scope="col">{t('plan.area')}</th>
                <th scope="col">{t('plan.dueAt')}</th>
              </tr>
            </thead>
            <tbody>
              {view.plan.measures.map((measure, index) => (
                <tr key={index}>
                  <td data-label={t('plan.agency')}>
                    <Label list="agencies" code={measure.agency} />
                  </td>
                  <td data-label={t('plan.action')}>
                    <Label list="interventionTypes" code={measure.action} />
                  </td>
                  <td data-label={t('plan.area')}>{measure.areaCode}</td>
                  <td data-label={t('plan.dueAt')}>{formatTime(measure.dueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function Timeline({ view }: { view: FullView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t('case.timeline')}</h2>
      <ol className="timeline">
        {view.timeline.map((entry, index) => (
          <li key={index}>
            {formatTime(entry.performedAt)} · {t(`timeline.${entry.step}`)} ·{' '}
            <Label list="caseStatuses" code={entry.fromStatus} /> → <Label list="caseStatuses" code={entry.toStatus} />{' '}
            · {entry.performedBy} (<Label list="roles" code={entry.role} />)
          </li>
        ))}
      </ol>
    </section>
  );
}

function AccessLog({ id }: { id: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Schemas['AccessLogItemDto'][] | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    void api
      .GET('/api/v1/cases/{id}/access-log', { params: { path: { id }, query: { limit: 200 } } })
      .then(({ data }) => setItems(data?.items ?? []));
  }, [id, open]);
  return (
    <section aria-labelledby="access-h">
      <h2 id="access-h">{t('case.accessLog')}</h2>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('common.hide') : t('common.show')}
      </button>
      {open && items && (
        <ul>
          {items.map((item, index) => (
            <li key={index}>
              {formatTime(item.at)} · {item.username ?? '—'} (<Label list="roles" code={item.role} />) · {item.action}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function InterventionUpdate({ item, onDone }: { item: Intervention; onDone: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const [status, setStatus] = useState(item.allowedStatuses[0]);
  const [outcomeText, setOutcome] = useState('');
  return (
    <StepForm
      title={t('case.updateIntervention')}
      submit={t('case.updateInterventionSubmit')}
      onDone={onDone}
      onSubmit={async () =>
        outcome(
          await api.PATCH('/api/v1/interventions/{id}', {
            params: { path: { id: item.id } },
            body: { status, version: item.version, ...(outcomeText.trim() ? { outcome: outcomeText.trim() } : {}) },
          }),
        )
      }
    >
      {(errors) => (
        <>
          <fieldset className="choices">
            <legend>{t('case.newStatus')}</legend>
            {item.allowedStatuses.map((code) => (
              <div className="check" key={code}>
                <input
                  type="radio"
                  id={`${item.id}-${code}`}
                  name={`${item.id}-status`}
                  checked={status === code}
                  onChange={() => setStatus(code)}
                />
                <label htmlFor={`${item.id}-${code}`}>{label('interventionStatuses', code)}</label>
              </div>
            ))}
          </fieldset>
          <TextField
            label={t('case.outcome')}
            multiline
            value={outcomeText}
            onChange={setOutcome}
            error={errors.outcome}
          />
          {errors.status && <small className="error">{errors.status}</small>}
        </>
      )}
    </StepForm>
  );
}

type Measure = { agency: string; action: string; areaCode: string; dueAt: string };

/** The form of one step the case allows now (allowedActions). */
function StepFor({
  action,
  view,
  profile,
  onDone,
}: {
  action: Action;
  view: FullView;
  profile: Profile;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [risk, setRisk] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [notes, setNotes] = useState('');
  const [performedAt, setPerformedAt] = useState('');
  const [type, setType] = useState('');
  const [substantiation, setSubstantiation] = useState('');
  const [findings, setFindings] = useState<Record<string, string>>({});
  const [goals, setGoals] = useState('');
  const [measures, setMeasures] = useState<Measure[]>([{ agency: '', action: '', areaCode: view.areaCode, dueAt: '' }]);
  const [reviewOutcome, setReviewOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const version = view.version;
  const id = { params: { path: { id: view.id } } };
  const when = localToIso(performedAt);
  const base = { version, ...(when ? { performedAt: when } : {}) };
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const performed = (errors: Record<string, string>) => (
    <TextField
      label={t('step.performedAt')}
      hint={t('step.performedAtHint')}
      type="datetime-local"
      value={performedAt}
      onChange={setPerformedAt}
      error={errors.performedAt}
    />
  );
  const common = { title: t(`step.${action}.title`), submit: t(`step.${action}.submit`), onDone };

  switch (action) {
    case 'initial-assessment':
      return (
        <StepForm
          {...common}
          onSubmit={async () =>
            outcome(
              await api.POST('/api/v1/cases/{id}/initial-assessment', {
                ...id,
                body: { ...base, riskLevel: risk as 'high', emergency, notes: text(notes) },
              }),
            )
          }
        >
          {(errors) => (
            <>
              <CodeSelect
                label={t('case.risk')}
                list="riskLevels"
                value={risk}
                onChange={setRisk}
                error={errors.riskLevel}
              />
              <Check label={t('step.emergency')} checked={emergency} onChange={setEmergency} />
              <TextField label={t('step.notes')} multiline value={notes} onChange={setNotes} error={errors.notes} />
              {performed(errors)}
            </>
          )}
        </StepForm>
      );
    case 'emergency-actions':
      return (
        <StepForm
          {...common}
          onSubmit={async () =>
            outcome(
              await api.POST('/api/v1/cases/{id}/emergency-actions', {
                ...id,
                body: { ...base, type: type as 'medical_care', notes: text(notes) },
              }),
            )
          }
        >
          {(errors) => (
            <>
              <CodeSelect
                label={t('step.emergencyType')}
                list="emergencyActionTypes"
                value={type}
                onChange={setType}
                only={(option) => option.code !== 'temporary_separation' || profile.role === 'commune_chair'}
                error={errors.type}
              />
              <TextField label={t('step.notes')} multiline value={notes} onChange={setNotes} error={errors.notes} />
              {performed(errors)}
            </>
          )}
        </StepForm>
      );
    case 'detailed-assessment': {
      const names = [
        'physicalEmotional',
        'familyCapacity',
        'riskFactors',
        'schooling',
        'community',
        'serviceNeeds',
        'childViews',
        'parentViews',
      ];
      return (
        <StepForm
          {...common}
          onSubmit={async () =>
            outcome(
              await api.POST('/api/v1/cases/{id}/detailed-assessment', {
                ...id,
                body: {
                  ...base,
                  riskLevel: risk as 'high',
                  substantiation: substantiation as 'substantiated',
                  findings: Object.fromEntries(
                    names
                      .filter((name) => name !== 'parentViews' || findings[name])
                      .map((name) => [name, findings[name] ?? '']),
                  ) as Schemas['FindingsDto'],
                },
              }),
            )
          }
        >
          {(errors) => (
            <>
              {names.map((name) => (
                <TextField
                  key={name}
                  label={t(`findings.${name}`)}
                  multiline
                  value={findings[name] ?? ''}
                  onChange={(value) => setFindings({ ...findings, [name]: value })}
                  error={errors[`findings.${name}`]}
                />
              ))}
              <CodeSelect
                label={t('case.risk')}
                list="riskLevels"
                value={risk}
                onChange={setRisk}
                error={errors.riskLevel}
              />
              <CodeSelect
                label={t('case.substantiation')}
                list="substantiations"
                value={substantiation}
                onChange={setSubstantiation}
                only={(option) => option.code !== 'pending'}
                error={errors.substantiation}
              />
              {performed(errors)}
            </>
          )}
        </StepForm>
      );
    }
    case 'plan':
      return (
        <StepForm
          {...common}
          onSubmit={async () =>
            outcome(
              await api.POST('/api/v1/cases/{id}/plan', {
                ...id,
                body: {
                  ...base,
                  goals: goals
                    .split('\n')
                    .map((goal) => goal.trim())
                    .filter(Boolean),
                  measures: measures.map((measure) => ({
                    agency: measure.agency as 'police',
                    action: measure.action,
                    areaCode: measure.areaCode.trim(),
                    dueAt: localToIso(measure.dueAt) ?? '',
                  })),
                },
              }),
            )
          }
        >
          {(errors) => (
            <>
              <TextField
                label={t('plan.goals')}
                hint={t('plan.goalsHint')}
                multiline
                value={goals}
                onChange={setGoals}
                error={errors.goals}
              />
              {measures.map((measure, index) => {
                const change = (name: keyof Measure) => (value: string) =>
                  setMeasures(
                    measures.map((m, i) =>
                      i === index ? { ...m, [name]: value, ...(name === 'agency' ? { action: '' } : {}) } : m,
                    ),
                  );
                return (
                  <fieldset key={index}>
                    <legend>{t('plan.measure', { number: index + 1 })}</legend>
                    <CodeSelect
                      label={t('plan.agency')}
                      list="agencies"
                      value={measure.agency}
                      onChange={change('agency')}
                      error={errors[`measures[${index}].agency`]}
                    />
                    <CodeSelect
                      label={t('plan.action')}
                      list="interventionTypes"
                      value={measure.action}
                      onChange={change('action')}
                      only={(option) => option.agency === measure.agency}
                      error={errors[`measures[${index}].action`]}
                    />
                    <TextField
                      label={t('plan.area')}
                      value={measure.areaCode}
                      onChange={change('areaCode')}
                      error={errors[`measures[${index}].areaCode`]}
                    />
                    <TextField
                      label={t('plan.dueAt')}
                      type="datetime-local"
                      value={measure.dueAt}
                      onChange={change('dueAt')}
                      error={errors[`measures[${index}].dueAt`]}
                    />
                    {measures.length > 1 && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setMeasures(measures.filter((_, i) => i !== index))}
                      >
                        {t('plan.removeMeasure', { number: index + 1 })}
                      </button>
                    )}
                  </fieldset>
                );
              })}
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  setMeasures([...measures, { agency: '', action: '', areaCode: view.areaCode, dueAt: '' }])
                }
              >
                {t('plan.addMeasure')}
              </button>
              {errors.measures && <small className="error">{errors.measures}</small>}
              {performed(errors)}
            </>
          )}
        </StepForm>
      );
    case 'plan/approve':
      return (
        <StepForm
          {...common}
          onSubmit={async () => outcome(await api.POST('/api/v1/cases/{id}/plan/approve', { ...id, body: base }))}
        >
          {(errors) => performed(errors)}
        </StepForm>
      );
    case 'review':
      return (
        <StepForm
          {...common}
          onSubmit={async () =>
            outcome(
              await api.POST('/api/v1/cases/{id}/review', {
                ...id,
                body: { ...base, outcome: reviewOutcome as 'close', notes: text(notes) },
              }),
            )
          }
        >
          {(errors) => (
            <>
              <CodeSelect
                label={t('step.reviewOutcome')}
                list="reviewOutcomes"
                value={reviewOutcome}
                onChange={setReviewOutcome}
                error={errors.outcome}
              />
              <TextField label={t('step.notes')} multiline value={notes} onChange={setNotes} error={errors.notes} />
              {performed(errors)}
            </>
          )}
        </StepForm>
      );
    case 'meetings':
      return <MeetingForm view={view} onDone={onDone} />;
    case 'plan/return':
      return (
        <StepForm
          {...common}
          onSubmit={async () =>
            outcome(await api.POST('/api/v1/cases/{id}/plan/return', { ...id, body: { ...base, reason } }))
          }
        >
          {(errors) => (
            <>
              <TextField label={t('step.reason')} multiline value={reason} onChange={setReason} error={errors.reason} />
              {performed(errors)}
            </>
          )}
        </StepForm>
      );
    case 'separation/extend':
      return (
        <StepForm
          {...common}
          onSubmit={async () =>
            outcome(
              await api.POST('/api/v1/cases/{id}/separation/extend', {
                ...id,
                body: { ...base, until: localToIso(until) ?? '', decidedBy, legalBasis },
              }),
            )
          }
        >
          {(errors) => (
            <>
              <TextField
                label={t('separation.until')}
                type="datetime-local"
                value={until}
                onChange={setUntil}
                error={errors.until}
              />
              <TextField
                label={t('separation.decidedBy')}
                value={decidedBy}
                onChange={setDecidedBy}
                error={errors.decidedBy}
              />
              <TextField
                label={t('separation.legalBasis')}
                multiline
                value={legalBasis}
                onChange={setLegalBasis}
                error={errors.legalBasis}
              />
              {performed(errors)}
            </>
          )}
        </StepForm>
      );
    case 'close':
    case 'reopen':
      return (
        <StepForm
          {...common}
          onSubmit={async () =>
            outcome(
              await api.POST(action === 'close' ? '/api/v1/cases/{id}/close' : '/api/v1/cases/{id}/reopen', {
                ...id,
                body: { version, reason },
              }),
            )
          }
        >
          {(errors) => (
            <TextField label={t('step.reason')} multiline value={reason} onChange={setReason} error={errors.reason} />
          )}
        </StepForm>
      );
    default:
      return null;
  }
}

/** Work beside the steps: assignment, transfer, a new intervention, consent and disclosure. */
function CaseWork({ view, profile, onDone }: { view: FullView; profile: Profile; onDone: () => void }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [toArea, setToArea] = useState('');
  const [reason, setReason] = useState('');
  const [agency, setAgency] = useState('');
  const [type, setType] = useState('');
  const [area, setArea] = useState(view.areaCode);
  const [dueAt, setDueAt] = useState('');
  const [notes, setNotes] = useState('');
  const [party, setParty] = useState('');
  const [granted, setGranted] = useState(true);
  const [recipient, setRecipient] = useState('');
  const [recipientType, setRecipientType] = useState('');
  const [purpose, setPurpose] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const id = { params: { path: { id: view.id } } };
  const officer = profile.role === 'commune_officer' || profile.role === 'provincial_officer';
  const open = view.status !== 'closed';
  const pendingTransfer = view.transfer?.status === 'pending';
  return (
    <details className="more">
      <summary>{t('case.moreWork')}</summary>
      {open && (
        <StepForm
          title={t('work.assign')}
          submit={t('work.assignSubmit')}
          onDone={onDone}
          onSubmit={async () =>
            outcome(
              await api.POST('/api/v1/cases/{id}/assign', {
                ...id,
                body: { userId: userId || profile.id, version: view.version },
              }),
            )
          }
        >
          {(errors) => (
            <TextField
              label={t('work.userId')}
              hint={t('work.userIdHint')}
              value={userId}
              onChange={setUserId}
              error={errors.userId}
            />
          )}
        </StepForm>
      )}
      {officer && open && !pendingTransfer && (
        <StepForm
          title={t('work.transfer')}
          submit={t('work.transferSubmit')}
          onDone={onDone}
          onSubmit={async () =>
            outcome(
              await api.POST('/api/v1/cases/{id}/transfer', {
                ...id,
                body: { toAreaCode: toArea.trim(), reason, version: view.version },
              }),
            )
          }
        >
          {(errors) => (
            <>
              <TextField label={t('work.toArea')} value={toArea} onChange={setToArea} error={errors.toAreaCode} />
              <TextField label={t('step.reason')} multiline value={reason} onChange={setReason} error={errors.reason} />
            </>
          )}
        </StepForm>
      )}
      {pendingTransfer && (
        <>
          <StepForm
            title={t('work.transferAccept')}
            submit={t('work.transferAcceptSubmit')}
            onDone={onDone}
            onSubmit={async () =>
              outcome(await api.POST('/api/v1/cases/{id}/transfer/accept', { ...id, body: { version: view.version } }))
            }
          >
            {() => null}
          </StepForm>
          <StepForm
            title={t('work.transferReject')}
            submit={t('work.transferRejectSubmit')}
            onDone={onDone}
            onSubmit={async () =>
              outcome(
                await api.POST('/api/v1/cases/{id}/transfer/reject', {
                  ...id,
                  body: { reason, version: view.version },
                }),
              )
            }
          >
            {(errors) => (
              <TextField label={t('step.reason')} multiline value={reason} onChange={setReason} error={errors.reason} />
            )}
          </StepForm>
        </>
      )}
      {officer && open && (
        <StepForm
          title={t('work.intervention')}
          submit={t('work.interventionSubmit')}
          onDone={onDone}
          onSubmit={async () =>
            outcome(
              await api.POST('/api/v1/cases/{id}/interventions', {
                ...id,
                body: {
                  agency: agency as 'police',
                  type,
                  areaCode: area.trim(),
                  dueAt: localToIso(dueAt) ?? '',
                  ...(notes.trim() ? { notes: notes.trim() } : {}),
                },
              }),
            )
          }
        >
          {(errors) => (
            <>
              <CodeSelect
                label={t('plan.agency')}
                list="agencies"
                value={agency}
                onChange={(value) => (setAgency(value), setType(''))}
                error={errors.agency}
              />
              <CodeSelect
                label={t('plan.action')}
                list="interventionTypes"
                value={type}
                onChange={setType}
                only={(o) => o.agency === agency}
                error={errors.type}
              />
              <TextField label={t('plan.area')} value={area} onChange={setArea} error={errors.areaCode} />
              <TextField
                label={t('plan.dueAt')}
                type="datetime-local"
                value={dueAt}
                onChange={setDueAt}
                error={errors.dueAt}
              />
              <TextField label={t('step.notes')} multiline value={notes} onChange={setNotes} error={errors.notes} />
            </>
          )}
        </StepForm>
      )}
      <StepForm
        title={t('work.consent')}
        submit={t('work.consentSubmit')}
        onDone={onDone}
        onSubmit={async () =>
          outcome(await api.POST('/api/v1/cases/{id}/consents', { ...id, body: { party: party as 'child', granted } }))
        }
      >
        {(errors) => (
          <>
            <CodeSelect
              label={t('work.party')}
              list="consentParties"
              value={party}
              onChange={setParty}
              error={errors.party}
            />
            <Check label={t('work.granted')} checked={granted} onChange={setGranted} />
          </>
        )}
      </StepForm>
      <StepForm
        title={t('work.disclosure')}
        submit={t('work.disclosureSubmit')}
        onDone={onDone}
        onSubmit={async () =>
          outcome(
            await api.POST('/api/v1/cases/{id}/disclosures', {
              ...id,
              body: {
                recipient,
                recipientType: recipientType as 'non_state',
                purpose,
                ...(legalBasis.trim() ? { legalBasis: legalBasis.trim() } : {}),
              },
            }),
          )
        }
      >
        {(errors) => (
          <>
            <TextField label={t('work.recipient')} value={recipient} onChange={setRecipient} error={errors.recipient} />
            <CodeSelect
              label={t('work.recipientType')}
              list="recipientTypes"
              value={recipientType}
              onChange={setRecipientType}
              error={errors.recipientType}
            />
            <TextField label={t('work.purpose')} value={purpose} onChange={setPurpose} error={errors.purpose} />
            <TextField
              label={t('work.legalBasis')}
              value={legalBasis}
              onChange={setLegalBasis}
              error={errors.legalBasis}
            />
          </>
        )}
      </StepForm>
    </details>
  );
}
