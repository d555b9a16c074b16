import { Tag } from 'antd';
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../../common/reports';
import { useLanguage } from '../../i18n/useLanguage';

const COLOURS: Record<SubmissionStatus | 'missing', string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  missing: 'error',
};

/** A submission's status; a missing report is red only once it is late. */
export function StatusTag({ status, isLate = true }: { status: SubmissionStatus | 'missing'; isLate?: boolean }) {
  const { lang } = useLanguage();
  const label =
    status === 'missing' ? (lang === 'vi' ? 'Chưa gửi' : 'Not sent') : SUBMISSION_STATUS_LABELS[status][lang];
  return <Tag color={status === 'missing' && !isLate ? 'default' : COLOURS[status]}>{label}</Tag>;
}
