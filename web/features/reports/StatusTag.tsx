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

export function StatusTag({ status }: { status: SubmissionStatus | 'missing' }) {
  const { lang } = useLanguage();
  const label =
    status === 'missing' ? (lang === 'vi' ? 'Chưa gửi' : 'Not sent') : SUBMISSION_STATUS_LABELS[status][lang];
  return <Tag color={COLOURS[status]}>{label}</Tag>;
}
