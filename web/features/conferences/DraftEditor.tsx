import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { apiUrl } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { useDraft, useSaveDraft } from './api';
import { messages } from './messages';

/** An editable drafted text (attendance paragraph, news article), saved with its version, downloadable as DOCX. */
export function DraftEditor({ path, canEdit, testId }: { path: string; canEdit: boolean; testId?: string }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const draft = useDraft(`/conferences${path}`);
  const save = useSaveDraft(`/conferences${path}`);
  const [text, setText] = useState('');
  useEffect(() => {
    if (draft.data) {
      setText(draft.data.text);
    }
  }, [draft.data]);

  if (draft.isPending) {
    return <Spin />;
  }
  if (draft.isError) {
    return <Alert type="error" title={errorMessage(draft.error)} />;
  }
  const store = async (value: string | null) => {
    try {
      await save.mutateAsync({ text: value, version: draft.data.version });
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorMessage(error), 6);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Tag style={{ alignSelf: 'flex-start' }} color={draft.data.isEdited ? 'gold' : 'default'}>
        {draft.data.isEdited ? t('after.edited') : t('after.drafted')}
      </Tag>
      <Input.TextArea
        data-testid={testId}
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoSize={{ minRows: 3, maxRows: 16 }}
        readOnly={!canEdit}
        style={{ fontFamily: '"Times New Roman", serif', fontSize: 16 }}
      />
      <Flex gap={8} wrap>
        {canEdit && (
          <Button type="primary" loading={save.isPending} onClick={() => store(text)}>
            {t('common.save')}
          </Button>
        )}
        {canEdit && draft.data.isEdited && <Button onClick={() => store(null)}>{t('after.reset')}</Button>}
        <Button icon={<DownloadOutlined />} href={apiUrl(`/conferences${path}.docx`)}>
          {t('after.docx')}
        </Button>
      </Flex>
    </Flex>
  );
}
