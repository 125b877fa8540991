import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  matchIdNumber,
  revocationList,
  signedRevocation,
  subjectsOf,
  verifyDocument,
  type SignedRevocation,
  type Statement,
  type Verdict,
  type Verification,
} from '../../shared/documents';
import { rootFingerprint } from '../../shared/provisioning/package';
import { checkRoster, signedRoster, type Roster } from '../../shared/sync/roster';
import {
  both,
  categoryLabels,
  idMatchLabels,
  matterLabels,
  patrolTypeLabels,
  reasonLabels,
  revocationReasonLabels,
  shiftLabels,
  typeLabels,
  verdictLabels,
} from './labels';

export const usage = `文书核验 · verify a YRD document's QR code, without a station PC

npm run verify:document -- --roster <roster.signed.json> [options] [QR text | -]
  (the QR text as an argument, or on standard input: a USB scanner, a paste, or "-")
  --roster <file>            the signed trust roster (信任名册) the integration office publishes
  --root <64 hex>            the office's root public key: checks the roster's signature (strongly advised)
  --previous-roster <file>   an older signed roster, for documents signed before a station's key was rotated (repeatable)
  --revocations <file>       a revocation list (作废清单) exported by a station
  --at <ISO time>            verify as of this moment instead of now (e.g. the day the paper was presented)
  --id <ID number>           check the ID number on the paper or card against the signed one (repeatable)
  --json                     print the result as JSON

exit code: 0 genuine (and every --id matches) · 1 altered · 2 unknown issuer · 3 expired · 4 revoked ·
           5 an --id does not match · 9 could not verify (arguments, roster or revocation file)`;

export const EXIT_CODES: Record<Verdict, number> = { genuine: 0, altered: 1, unknownIssuer: 2, expired: 3, revoked: 4 };
export const EXIT_ID_MISMATCH = 5;
export const EXIT_CANNOT_VERIFY = 9;

export interface VerifyIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  out(line: string): void;
  now(): Date;
}

class CannotVerify extends Error {}

const options = {
  roster: { type: 'string' },
  root: { type: 'string' },
  'previous-roster': { type: 'string', multiple: true, default: [] as string[] },
  revocations: { type: 'string' },
  at: { type: 'string' },
  id: { type: 'string', multiple: true, default: [] as string[] },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;

async function readJson(io: VerifyIo, path: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await io.readFile(path));
  } catch (error) {
    throw new CannotVerify(`无法读取${what} cannot read the ${what === '名册' ? 'roster' : 'revocation list'} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function loadRoster(io: VerifyIo, path: string, root: string | undefined): Promise<Roster> {
  const raw = await readJson(io, path, '名册');
  if (root !== undefined) {
    if (!/^[0-9a-f]{64}$/i.test(root)) throw new CannotVerify('--root 应为 64 位十六进制公钥 --root must be the 64-hex root public key');
    const check = checkRoster(raw, root.toLowerCase(), 0);
    if (!check.ok) throw new CannotVerify(`名册未通过根密钥核验 the roster does not verify with that root key: ${check.reason} (${path})`);
    return check.roster;
  }
  const parsed = signedRoster.safeParse(raw);
  if (!parsed.success) throw new CannotVerify(`不是已签发的名册文件 not a signed roster file: ${path}`);
  return parsed.data.roster;
}

async function loadRevocations(io: VerifyIo, path: string): Promise<{ entries: SignedRevocation[]; generatedAt: string | null }> {
  const raw = await readJson(io, path, '作废清单');
  const list = revocationList.safeParse(raw);
  if (list.success) return { entries: list.data.revocations, generatedAt: list.data.generatedAt };
  const bare = signedRevocation.array().safeParse(raw);
  if (bare.success) return { entries: bare.data, generatedAt: null };
  throw new CannotVerify(`不是作废清单文件 not a revocation list: ${path}`);
}

const maskId = (id: string) => (id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '*'.repeat(id.length));

function factLines(s: Statement, roster: Roster): string[] {
  const station = (code: string) => {
    const st = roster.stations.find((x) => x.code === code);
    return st ? `${st.name}（${st.districtName}）${code}` : `${code}（不在名册 not on the roster）`;
  };
  const lines = [
    `文书 Document: ${both(typeLabels[s.type])} · 编号 No. ${s.number}`,
    `签发单位 Issued by: ${station(s.issuingStation)} · 警号 officer no. ${s.officer}`,
    `签发日期 Issued on: ${s.issueDate} · 有效期至 Valid until: ${s.validUntil ?? '长期 does not expire'}`,
  ];
  switch (s.type) {
    case 'recordsCertificate':
      lines.push(`证明事项 Matter: ${both(matterLabels[s.matter])}${s.detail ? ` · 说明 detail: ${s.detail}` : ''}`);
      break;
    case 'movePermit':
      lines.push(`迁移类别 Category: ${both(categoryLabels[s.category])} · 迁出地 from: ${station(s.originStation)}`);
      break;
    case 'migrationCertificate':
      lines.push(`迁移类别 Category: ${both(categoryLabels[s.category])} · 迁入地 to: ${station(s.destinationStation)}`);
      lines.push(`准迁证编号 Permit no.: ${s.permitNumber}`);
      break;
    case 'householdPage':
      lines.push(`户号 Household no.: ${s.householdNumber} · 行政区划 district: ${s.divisionCode} · 与户主关系代码 relationship code: ${s.relationship}`);
      break;
    case 'patrolLog':
      lines.push(`巡逻 Patrol: ${s.patrolDate} ${both(shiftLabels[s.shift])} ${s.startTime}–${s.endTime ?? '…'} · ${both(patrolTypeLabels[s.patrolType])}`);
      lines.push(`参加单位 Stations: ${s.stations.map(station).join('；')}`);
      lines.push(`事件 ${s.eventRows} event rows · 盘查 ${s.inspections} inspections`);
      break;
  }
  subjectsOf(s).forEach((p, i) => lines.push(`人员 Person ${i + 1}: ${p.name} · 身份证号末四位 ID number ends with ${p.idLast4}`));
  return lines;
}

function idLines(result: Verification, ids: readonly string[]): { lines: string[]; allMatch: boolean } {
  const s = result.statement;
  if (!s || ids.length === 0) return { lines: [], allMatch: true };
  const subjects = subjectsOf(s);
  let allMatch = true;
  const lines = ids.map((id) => {
    const results = subjects.map((p) => matchIdNumber(s, p, id));
    const at = results.indexOf('match');
    if (at >= 0) return `身份证号 ID ${maskId(id.trim())}: 与人员 ${at + 1} ${both(idMatchLabels.match)} person ${at + 1}`;
    allMatch = false;
    const code = results.includes('invalid') ? 'invalid' : 'mismatch';
    return `身份证号 ID ${maskId(id.trim())}: ${both(idMatchLabels[code])}`;
  });
  return { lines, allMatch };
}

/** Runs the command; returns the exit code. */
export async function runVerifyDocument(argv: string[], io: VerifyIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (!values.roster) throw new CannotVerify(`缺少 --roster (missing --roster)\n\n${usage}`);
    const at = values.at ? new Date(values.at) : io.now();
    if (Number.isNaN(at.getTime())) throw new CannotVerify('--at 不是有效时间 --at is not a valid ISO time');
    const text = positionals.length === 0 || positionals[0] === '-' ? await io.readStdin() : positionals.join(' ');
    const roster = await loadRoster(io, values.roster, values.root);
    const previousRosters = await Promise.all(values['previous-roster'].map((p) => loadRoster(io, p, values.root)));
    const revocations = values.revocations ? await loadRevocations(io, values.revocations) : null;
    const result = verifyDocument(text, { roster, previousRosters, revocations: revocations?.entries ?? [], now: at });
    const ids = idLines(result, values.id);
    const code = result.verdict === 'genuine' && !ids.allMatch ? EXIT_ID_MISMATCH : EXIT_CODES[result.verdict];
    if (values.json) {
      io.out(JSON.stringify({ ...result, idChecks: ids.lines, exitCode: code }, null, 2));
      return code;
    }
    io.out(`核验结论 Verdict: ${both(verdictLabels[result.verdict])}`);
    if (result.reason) io.out(`原因 Reason: ${both(reasonLabels[result.reason])}`);
    if (result.issuerKey === 'previous') io.out('注意 Note: 由该单位更换前的旧密钥签名 signed with the station\'s previous key (before a key rotation)');
    if (result.revocation) {
      const r = result.revocation;
      io.out(`作废 Revoked: ${r.revokedAt} · ${both(revocationReasonLabels[r.reason])} · 警号 officer ${r.officer}`);
    }
    if (result.statement) {
      if (!result.factsVerified) io.out('以下内容未经验证，不可采信 The facts below are NOT verified:');
      for (const line of factLines(result.statement, roster)) io.out(`  ${line}`);
    }
    for (const line of ids.lines) io.out(line);
    io.out(`名册 Roster: v${roster.version} ${roster.issuedAt} ${roster.issuer} · ${values.root ? `根密钥已核验 root verified ${rootFingerprint(values.root.toLowerCase())}` : '未核验根密钥 root NOT checked: pass --root <public key>'}`);
    io.out(
      revocations
        ? `作废清单 Revocations: ${revocations.entries.length}${revocations.generatedAt ? ` · 生成于 generated ${revocations.generatedAt}` : ''}`
        : '作废清单 Revocations: 未提供，无法判断是否已作废 none given: revocation not checked',
    );
    io.out(`核验时点 Checked for: ${at.toISOString()}（北京日期 Beijing date ${result.checkedOn}）`);
    return code;
  } catch (error) {
    if (error instanceof CannotVerify) {
      io.out(`无法核验 cannot verify: ${error.message}`);
      return EXIT_CANNOT_VERIFY;
    }
    if (error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) {
      io.out(`参数错误 bad arguments: ${error.message}\n\n${usage}`);
      return EXIT_CANNOT_VERIFY;
    }
    throw error;
  }
}
