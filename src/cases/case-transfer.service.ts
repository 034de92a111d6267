import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { Caller } from '../access/request-context';
import { AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { Conflict, Forbidden, invalidField, invalidFields, staleVersion } from '../common/problem';
import { vietnamDate } from '../domain/time';
import { PiiService } from '../privacy/pii.service';
import { CaseRepository, CaseWrites, LockedCase } from './case-repository';
import { CaseTransferStore, TransferRow } from './case-transfer-store';
import { CaseViewService } from './case-view.service';
import { CaseHistoryWriter } from './history/case-history-writer';
import { AcceptTransferDto, RejectTransferDto, TransferCaseDto } from './dto/transfer.dto';

/**
 * A case's move to another commune: asked by an officer of its area, answered by a case role of
 * the target. Each is one transaction that checks the version and moves it on, and is audited
 * (area codes only: the reasons are stored encrypted, never in the audit details).
 */
@Injectable()
export class CaseTransferService {
  constructor(
    private readonly views: CaseViewService,
    private readonly cases: CaseRepository,
    private readonly areas: AreaRepository,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly history: CaseHistoryWriter,
  ) {}

  async request(caller: Caller, caseId: string, dto: TransferCaseDto): Promise<void> {
    await this.views.gate(caller, caseId, 'transfer');
    const target = await this.areas.ref(dto.toAreaCode);
    if (!target) throw invalidField('toAreaCode', `no area has code ${dto.toAreaCode}`);
    if (target.level !== 'commune') throw invalidField('toAreaCode', 'must be a commune');
    const retired = await this.areas.retiredOn([{ field: 'toAreaCode', code: target.code }], vietnamDate(new Date()));
    if (retired.length) throw invalidFields(retired);
    await this.cases.transaction(async (writes) => {
      const kase = await this.lockAt(writes, caseId, dto.version);
      if (kase.transferAreaPath) throw new Conflict('A transfer of the case is pending: it must be answered first');
      if (kase.areaCode === target.code) throw invalidField('toAreaCode', 'is the commune the case belongs to');
      await new CaseTransferStore(writes.manager).request(caseId, {
        fromAreaCode: kase.areaCode,
        toAreaCode: target.code,
        reasonEnc: this.pii.encrypt(dto.reason, 'case_transfers.reason')!,
        requestedBy: caller.user.id,
      });
      await writes.markTransferPending(caseId, target.path);
      await this.outbox.notify(writes.manager, { kind: 'transfer_requested', caseId, requestedAt: new Date() });
      await this.record(writes, caller, caseId, 'case.transfer_request', { from: kase.areaCode, to: target.code });
      await this.history.record(writes.manager, caller, caseId, {
        action: 'transfer_request',
        reason: dto.reason,
        changes: [{ field: 'transfer.toAreaCode', from: null, to: target.code }],
      });
    });
  }

  async accept(caller: Caller, caseId: string, dto: AcceptTransferDto): Promise<void> {
    await this.decide(caller, caseId, dto.version, async (writes, kase, transfer) => {
      const target = (await this.areas.ref(transfer.toAreaCode, writes.manager))!;
      await new CaseTransferStore(writes.manager).decide(transfer.id, {
        status: 'accepted',
        decidedBy: caller.user.id,
        reasonEnc: null,
      });
      await writes.moveToArea(caseId, target);
      await this.record(writes, caller, caseId, 'case.transfer_accept', { from: kase.areaCode, to: target.code });
      await this.history.record(writes.manager, caller, caseId, {
        action: 'transfer_accept',
        changes: [
          { field: 'areaCode', from: kase.areaCode, to: target.code },
          { field: 'transfer.status', from: 'pending', to: 'accepted' },
        ],
      });
    });
  }

  async reject(caller: Caller, caseId: string, dto: RejectTransferDto): Promise<void> {
    await this.decide(caller, caseId, dto.version, async (writes, kase, transfer) => {
      await new CaseTransferStore(writes.manager).decide(transfer.id, {
        status: 'rejected',
        decidedBy: caller.user.id,
        reasonEnc: this.pii.encrypt(dto.reason, 'case_transfers.decision_reason')!,
      });
      await writes.clearPendingTransfer(caseId);
      await this.record(writes, caller, caseId, 'case.transfer_reject', {
        from: kase.areaCode,
        to: transfer.toAreaCode,
      });
      await this.history.record(writes.manager, caller, caseId, {
        action: 'transfer_reject',
        reason: dto.reason,
        changes: [{ field: 'transfer.status', from: 'pending', to: 'rejected' }],
      });
    });
  }

  /** The target area's answer: the case must be readable (404), pending (409) and the caller's to decide (403). */
  private async decide(
    caller: Caller,
    caseId: string,
    version: number,
    answer: (writes: CaseWrites, kase: LockedCase, transfer: TransferRow) => Promise<void>,
  ): Promise<void> {
    await this.views.gate(caller, caseId);
    await this.cases.transaction(async (writes) => {
      const kase = await this.lockAt(writes, caseId, version);
      const transfer = await new CaseTransferStore(writes.manager).pending(caseId);
      if (!transfer) throw new Conflict('No transfer of the case is pending');
      if (!caller.ability.can('decide_transfer', subject('Case', { ...kase }) as never))
        throw new Forbidden('Only a case role of the target area accepts or rejects a transfer');
      await answer(writes, kase, transfer);
    });
  }

  private async lockAt(writes: CaseWrites, caseId: string, version: number): Promise<LockedCase> {
    const kase = (await writes.lockForStep(caseId))!;
    if (kase.version !== version) throw staleVersion('The case', version, kase.version);
    return kase;
  }

  private record(writes: CaseWrites, caller: Caller, caseId: string, action: string, details: Record<string, string>) {
    return this.audit.recordBy(
      caller,
      { action, subjectType: 'Case', subjectId: caseId, caseId, details },
      writes.manager,
    );
  }
}
