import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/useT';
import { ImportFileModal } from '../imports/ImportFileModal';
import { IMPORT_TEMPLATE_URL, orgUnitKeys } from './api';
import { ImportResultTable } from './ImportResultTable';
import type { ImportResult } from './types';

/** Upload of an XLSX/CSV list of units; a dry run checks the file and writes nothing. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  return (
    <ImportFileModal<ImportResult>
      open={open}
      onClose={onClose}
      title={t('import.title')}
      hint={t('import.hint')}
      path="/org-units/import"
      templateUrl={IMPORT_TEMPLATE_URL}
      summary={(result) =>
        result.dryRun ? t('import.dryRunOk', { count: result.created }) : t('import.done', { count: result.created })
      }
      details={(result) => result.items.length > 0 && <ImportResultTable items={result.items} />}
      onImported={() => queryClient.invalidateQueries({ queryKey: orgUnitKeys.all })}
    />
  );
}
