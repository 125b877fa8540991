import type { CertificateMatter } from '@shared/domain/resident/certificate';
import type { PersonRow } from '@shared/domain/resident/person';

/**
 * The certified statement proposed for each matter, in Chinese: the certificate is an official document and is
 * printed in Chinese whatever the interface language. The officer edits it before issuing.
 */
export function defaultStatement(matter: CertificateMatter, p: PersonRow): string {
  switch (matter) {
    case 'sameperson':
      return `曾用名“${p.formerNames || '（请填写）'}”与现用名“${p.name}”系同一人。`;
    case 'movedOut':
      return `${p.name}的户口已于${p.status.date}迁出${p.status.destination ? `，迁往${p.status.destination}` : ''}${p.status.reference ? `（${p.status.reference}）` : ''}。`;
    case 'cancelled':
      return `${p.name}的户口已于${p.status.date}注销，注销原因：${p.status.reason || '（请填写）'}。`;
    case 'kinship':
      return `${p.name}与（请填写姓名）系（请填写关系）关系。`;
    case 'temporaryIdentity':
      return `${p.name}系本所辖区常住人口，身份信息如上，临时证明其身份。`;
  }
}
