import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { useSubmissionStep } from './api';
import { reportsMessages } from './messages';
import type { SubmissionDetail } from './types';

interface CommentRow {
  target: string;
  body: string;
}

/** Return (with comments on the whole, a part or an indicator), approve, unlock — for a manager of the level above. */
export function ReviewActions({ detail }: { detail: SubmissionDetail }) {
  const t = useMessages(reportsMessages);
  const { message } = App.useApp();
  const step = useSubmissionStep();
  const [mode, setMode] = useState<'return' | 'approve' | 'unlock'>();
  const [comments, setComments] = useState<CommentRow[]>([{ target: 'whole', body: '' }]);
  const [text, setText] = useState('');

  const targets = [
    { value: 'whole', label: t('return.whole') },
    ...detail.sections.map((s) => ({
      value: `section:${s.key}`,
      label: `${t('return.section')} ${s.key}. ${s.title}`,
    })),
    ...detail.indicators.map((i) => ({ value: `indicator:${i.code}`, label: `${t('return.indicator')}: ${i.label}` })),
  ];
  const close = () => {
    setMode(undefined);
    setComments([{ target: 'whole', body: '' }]);
    setText('');
  };
  const confirm = async () => {
    try {
      if (mode === 'return') {
        await step.mutateAsync({
          id: detail.id,
          step: 'return',
          version: detail.version,
          comments: comments
            .filter((c) => c.body.trim())
            .map((c) => {
              const [target, key] = c.target.split(':');
              return { target, targetKey: key ?? null, body: c.body };
            }),
        });
      } else if (mode === 'approve') {
        await step.mutateAsync({ id: detail.id, step: 'approve', version: detail.version, comment: text || null });
        void message.success(t('sub.approved'));
      } else if (mode === 'unlock') {
        await step.mutateAsync({ id: detail.id, step: 'unlock', version: detail.version, reason: text });
      }
      close();
    } catch (error) {
      const details = (error as { details?: { message: string }[] }).details ?? [];
      void message.error([(error as Error).message, ...details.map((d) => d.message)].join(' '));
    }
  };

  return (
    <>
      {detail.abilities.canReview && (
        <>
          <Button danger onClick={() => setMode('return')}>
            {t('sub.return')}
          </Button>
          <Button type="primary" onClick={() => setMode('approve')}>
            {t('sub.approve')}
          </Button>
        </>
      )}
      {detail.abilities.canUnlock && <Button onClick={() => setMode('unlock')}>{t('sub.unlock')}</Button>}
      <Modal
        open={mode !== undefined}
        title={mode === 'return' ? t('return.title') : mode === 'unlock' ? t('unlock.title') : t('sub.approve')}
        okText={mode === 'return' ? t('return.ok') : mode === 'unlock' ? t('sub.unlock') : t('sub.approve')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: mode !== 'approve', loading: step.isPending }}
        onOk={confirm}
        onCancel={close}
        width={720}
        destroyOnHidden
      >
        {mode === 'return' ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            {comments.map((comment, index) => (
              <Space key={index} direction="vertical" style={{ width: '100%' }}>
                <Select
                  aria-label={t('return.target')}
                  value={comment.target}
                  options={targets}
                  style={{ width: '100%' }}
                  onChange={(target) => setComments(comments.map((c, i) => (i === index ? { ...c, target } : c)))}
                />
                <Input.TextArea
                  aria-label={`${t('return.body')} ${index + 1}`}
                  autoSize={{ minRows: 2 }}
                  value={comment.body}
                  onChange={(e) =>
                    setComments(comments.map((c, i) => (i === index ? { ...c, body: e.target.value } : c)))
                  }
                />
              </Space>
            ))}
            <Button onClick={() => setComments([...comments, { target: 'whole', body: '' }])}>{t('return.add')}</Button>
          </Space>
        ) : (
          <Form layout="vertical">
            <Form.Item label={mode === 'unlock' ? t('unlock.reason') : t('approve.comment')} htmlFor="review-text">
              <Input.TextArea
                id="review-text"
                autoSize={{ minRows: 2 }}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
