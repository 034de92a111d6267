import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors, newIdempotencyKey, problemOf, type Problem, type Schemas } from '../api';
import { localToIso } from '../format';
import { Check, CodeSelect, Done, ProblemBanner, TextField } from '../ui';
import { CallForm } from './Calls';

type Body = Schemas['CreateReportDto'];
type Caregiver = { name: string; relationship: string; phone: string };
type Child = {
  fullName: string;
  dateOfBirth: string;
  estimatedAge: string;
  sex: string;
  residenceAreaCode: string;
  address: string;
};

const emptyChild = (): Child => ({
  fullName: '',
  dateOfBirth: '',
  estimatedAge: '',
  sex: '',
  residenceAreaCode: '',
  address: '',
});

const blankForm = (channel: string) => ({
  channel,
  receivedAt: '',
  category: '',
  form: '',
  occurredAt: '',
  occurredAreaCode: '',
  description: '',
  fatal: false,
  allegedPerpetrator: '',
  reporterName: '',
  reporterPhone: '',
  reporterRelationship: '',
  consentToContact: false,
  childLocation: '',
  familySituation: '',
  actionsTaken: '',
});

/** Only what was filled in: the API's own rules (and messages) judge the rest. */
function toBody(form: ReturnType<typeof blankForm>, children: Child[], caregivers: Caregiver[]): Body {
  const text = (value: string) => value.trim() || undefined;
  const reporter =
    form.reporterName || form.reporterPhone || form.reporterRelationship || form.consentToContact
      ? {
          name: text(form.reporterName),
          phone: text(form.reporterPhone),
          relationship: text(form.reporterRelationship),
          consentToContact: form.consentToContact,
        }
      : undefined;
  return {
    channel: form.channel as Body['channel'],
    receivedAt: localToIso(form.receivedAt),
    category: form.category as Body['category'],
    form: form.form as Body['form'],
    occurredAt: localToIso(form.occurredAt),
    occurredAreaCode: form.occurredAreaCode.trim(),
    description: text(form.description),
    fatal: form.category === 'injury' ? form.fatal : undefined,
    allegedPerpetrator: (form.allegedPerpetrator || undefined) as Body['allegedPerpetrator'],
    children: children.map((child) => ({
      fullName: child.fullName.trim(),
      dateOfBirth: child.dateOfBirth || undefined,
      estimatedAge: child.estimatedAge === '' ? undefined : Number(child.estimatedAge),
      sex: child.sex as Schemas['ReportChildDto']['sex'],
      residenceAreaCode: text(child.residenceAreaCode),
      address: text(child.address),
    })),
    reporter,
    childLocation: text(form.childLocation),
    familySituation: text(form.familySituation),
    actionsTaken: text(form.actionsTaken),
    caregivers: caregivers.length
      ? caregivers
          .filter((c) => c.name.trim() || c.relationship.trim() || c.phone.trim())
          .map((c) => ({ name: text(c.name), relationship: text(c.relationship), phone: text(c.phone) }))
      : undefined,
  };
}

/** Mẫu 01: the report of a call or a visit, one case per child. */
export function Intake({ profile }: { profile: Schemas['UserProfile'] }) {
  const { t } = useTranslation();
  const defaultChannel = profile.role === 'hotline_operator' ? 'hotline_111' : '';
  const [form, setForm] = useState(() => blankForm(defaultChannel));
  const [children, setChildren] = useState<Child[]>([emptyChild()]);
  const [caregivers, setCaregivers] = useState<Caregiver[]>([]);
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [created, setCreated] = useState<Schemas['CreatedReport'] | null>(null);
  const errors = fieldErrors(problem);
  const set =
    <K extends keyof typeof form>(name: K) =>
    (value: (typeof form)[K]) =>
      setForm({ ...form, [name]: value });
  const setChild = (index: number, name: keyof Child) => (value: string) =>
    setChildren(children.map((child, i) => (i === index ? { ...child, [name]: value } : child)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await api
      .POST('/api/v1/reports', { body: toBody(form, children, caregivers), headers: { 'Idempotency-Key': key } })
      .catch(() => null);
    setBusy(false);
    if (!result?.data) {
      setProblem(problemOf(result?.error, result?.response.status));
      return;
    }
    setCreated(result.data);
    window.scrollTo(0, 0);
  }

  function another() {
    setForm(blankForm(defaultChannel));
    setChildren([emptyChild()]);
    setCaregivers([]);
    setKey(newIdempotencyKey());
    setCreated(null);
    setProblem(null);
  }

  if (created)
    return (
      <section>
        <h1>{t('intake.title')}</h1>
        <Done message={t('intake.filed', { count: created.cases.length })} />
        <ul className="cards">
          {created.cases.map((item) => (
            <li key={item.id} className="card">
              <span className="case-number">{item.caseNumber}</span>
            </li>
          ))}
        </ul>
        {profile.role === 'hotline_operator' && <CallForm reportId={created.id} />}
        <button type="button" onClick={another}>
          {t('intake.another')}
        </button>
      </section>
    );

  return (
    <form onSubmit={submit} noValidate>
      <h1>{t('intake.title')}</h1>
      <ProblemBanner problem={problem} />
      <fieldset>
        <legend>{t('intake.event')}</legend>
        <CodeSelect
          label={t('intake.channel')}
          list="channels"
          value={form.channel}
          onChange={set('channel')}
          error={errors.channel}
        />
        <TextField
          label={t('intake.receivedAt')}
          hint={t('intake.receivedAtHint')}
          type="datetime-local"
          value={form.receivedAt}
          onChange={set('receivedAt')}
          error={errors.receivedAt}
        />
        <CodeSelect
          label={t('intake.category')}
          list="categories"
          value={form.category}
          onChange={(value) => setForm({ ...form, category: value, form: '', fatal: false })}
          error={errors.category}
        />
        <CodeSelect
          label={t('intake.form')}
          list="forms"
          value={form.form}
          onChange={set('form')}
          only={(option) => !form.category || option.category === form.category}
          error={errors.form}
        />
        {form.category === 'injury' && <Check label={t('intake.fatal')} checked={form.fatal} onChange={set('fatal')} />}
        {errors.fatal && <small className="error">{errors.fatal}</small>}
        <TextField
          label={t('intake.occurredAt')}
          type="datetime-local"
          value={form.occurredAt}
          onChange={set('occurredAt')}
          error={errors.occurredAt}
        />
        <TextField
          label={t('intake.occurredAreaCode')}
          hint={t('intake.communeHint')}
          value={form.occurredAreaCode}
          onChange={set('occurredAreaCode')}
          error={errors.occurredAreaCode}
        />
        <CodeSelect
          label={t('intake.perpetrator')}
          list="perpetrators"
          value={form.allegedPerpetrator}
          onChange={set('allegedPerpetrator')}
          error={errors.allegedPerpetrator}
        />
        <TextField
          label={t('intake.description')}
          multiline
          value={form.description}
          onChange={set('description')}
          error={errors.description}
        />
      </fieldset>

      {children.map((child, index) => (
        <fieldset key={index}>
          <legend>{t('intake.child', { number: index + 1 })}</legend>
          {errors[`children[${index}]`] && <small className="error">{errors[`children[${index}]`]}</small>}
          <TextField
            label={t('child.fullName')}
            value={child.fullName}
            onChange={setChild(index, 'fullName')}
            error={errors[`children[${index}].fullName`]}
          />
          <TextField
            label={t('child.dateOfBirth')}
            type="date"
            value={child.dateOfBirth}
            onChange={setChild(index, 'dateOfBirth')}
            error={errors[`children[${index}].dateOfBirth`]}
          />
          <TextField
            label={t('child.estimatedAge')}
            hint={t('child.estimatedAgeHint')}
            type="number"
            value={child.estimatedAge}
            onChange={setChild(index, 'estimatedAge')}
            error={errors[`children[${index}].estimatedAge`]}
          />
          <CodeSelect
            label={t('child.sex')}
            list="sexes"
            value={child.sex}
            onChange={setChild(index, 'sex')}
            error={errors[`children[${index}].sex`]}
          />
          <TextField
            label={t('child.residence')}
            hint={t('intake.communeHint')}
            value={child.residenceAreaCode}
            onChange={setChild(index, 'residenceAreaCode')}
            error={errors[`children[${index}].residenceAreaCode`]}
          />
          <TextField
            label={t('child.address')}
            value={child.address}
            onChange={setChild(index, 'address')}
            error={errors[`children[${index}].address`]}
          />
          {children.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => setChildren(children.filter((_, i) => i !== index))}
            >
              {t('intake.removeChild', { number: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {errors.children && <small className="error">{errors.children}</small>}
      <button
        type="button"
        className="secondary"
        onClick={() => setChildren([...children, emptyChild()])}
        disabled={children.length >= 20}
      >
        {t('intake.addChild')}
      </button>

      <fieldset>
        <legend>{t('mau01.more')}</legend>
        <TextField
          label={t('mau01.childLocation')}
          value={form.childLocation}
          onChange={set('childLocation')}
          error={errors.childLocation}
        />
        <TextField
          label={t('mau01.familySituation')}
          multiline
          value={form.familySituation}
          onChange={set('familySituation')}
          error={errors.familySituation}
        />
        <TextField
          label={t('mau01.actionsTaken')}
          multiline
          value={form.actionsTaken}
          onChange={set('actionsTaken')}
          error={errors.actionsTaken}
        />
        {caregivers.map((caregiver, index) => {
          const change = (name: keyof Caregiver) => (value: string) =>
            setCaregivers(caregivers.map((c, i) => (i === index ? { ...c, [name]: value } : c)));
          return (
            <fieldset key={index}>
              <legend>{t('mau01.caregiver', { number: index + 1 })}</legend>
              <TextField
                label={t('mau01.caregiverName')}
                value={caregiver.name}
                onChange={change('name')}
                error={errors[`caregivers[${index}].name`]}
              />
              <TextField
                label={t('mau01.caregiverRelationship')}
                value={caregiver.relationship}
                onChange={change('relationship')}
                error={errors[`caregivers[${index}].relationship`]}
              />
              <TextField
                label={t('mau01.caregiverPhone')}
                type="tel"
                value={caregiver.phone}
                onChange={change('phone')}
                error={errors[`caregivers[${index}].phone`]}
              />
              <button
                type="button"
                className="secondary"
                onClick={() => setCaregivers(caregivers.filter((_, i) => i !== index))}
              >
                {t('mau01.removeCaregiver', { number: index + 1 })}
              </button>
            </fieldset>
          );
        })}
        {errors.caregivers && <small className="error">{errors.caregivers}</small>}
        <button
          type="button"
          className="secondary"
          onClick={() => setCaregivers([...caregivers, { name: '', relationship: '', phone: '' }])}
          disabled={caregivers.length >= 10}
        >
          {t('mau01.addCaregiver')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('intake.reporter')}</legend>
        <TextField
          label={t('intake.reporterName')}
          value={form.reporterName}
          onChange={set('reporterName')}
          error={errors['reporter.name']}
        />
        <TextField
          label={t('intake.reporterPhone')}
          type="tel"
          value={form.reporterPhone}
          onChange={set('reporterPhone')}
          error={errors['reporter.phone']}
        />
        <TextField
          label={t('intake.reporterRelationship')}
          value={form.reporterRelationship}
          onChange={set('reporterRelationship')}
          error={errors['reporter.relationship']}
        />
        <Check
          label={t('intake.consentToContact')}
          checked={form.consentToContact}
          onChange={set('consentToContact')}
        />
        <small className="hint">{t('intake.consentHint')}</small>
      </fieldset>
      <button type="submit" disabled={busy}>
        {busy ? t('common.sending') : t('intake.submit')}
      </button>
    </form>
  );
}
