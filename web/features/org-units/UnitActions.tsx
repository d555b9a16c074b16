import { DownloadOutlined, EditOutlined, PlusOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { AddChildModal } from './AddChildModal';
import { exportUrl } from './api';
import { CloseUnitModal } from './CloseUnitModal';
import { ImportModal } from './ImportModal';
import { RenameModal } from './RenameModal';
import type { OrgUnitDetail } from './types';

type Dialog = 'add' | 'rename' | 'close' | 'import' | null;

/** Export for every reader; add, rename, close and import when the server says the user may manage the unit. */
export function UnitActions({ unit, at, onConflict }: { unit: OrgUnitDetail; at: string; onConflict: () => void }) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const closeDialog = () => setDialog(null);
  const isActive = unit.validTo === null;

  return (
    <Flex wrap gap={8}>
      <Button icon={<DownloadOutlined />} href={exportUrl(unit.id, at)} download>
        {t('unit.export')}
      </Button>
      {unit.abilities.canManage && (
        <>
          {isActive && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')}>
              {t('unit.addChild')}
            </Button>
          )}
          {isActive && (
            <Button icon={<EditOutlined />} onClick={() => setDialog('rename')}>
              {t('unit.rename')}
            </Button>
          )}
          <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
            {t('unit.import')}
          </Button>
          {isActive && (
            <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')}>
              {t('unit.close')}
            </Button>
          )}
          <AddChildModal parent={unit} open={dialog === 'add'} onClose={closeDialog} onConflict={onConflict} />
          <RenameModal unit={unit} open={dialog === 'rename'} onClose={closeDialog} onConflict={onConflict} />
          <CloseUnitModal unit={unit} open={dialog === 'close'} onClose={closeDialog} onConflict={onConflict} />
          <ImportModal open={dialog === 'import'} onClose={closeDialog} />
        </>
      )}
    </Flex>
  );
}
