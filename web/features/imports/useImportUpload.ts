import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, type QueryValue } from '../../api/client';
import { newImportId, uploadImport } from './uploadImport';

/** Where an import stands: the share of the file sent, then the rows the server has checked (and the total). */
export interface ImportProgressState {
  sent: number;
  phase: 'checking' | 'writing';
  rows: number | null;
  total: number | null;
}

interface ServerProgress {
  status: 'running' | 'done' | 'failed';
  phase: 'checking' | 'writing';
  rows: number;
  total: number | null;
}

const POLL_MS = 250;

/**
 * One import upload with its progress: the upload share from the browser, then the server's row count, polled from
 * GET /api/v1/imports/{id} while the request runs (a 404 — not started yet, or another server process — is ignored).
 */
export function useImportUpload<T>(path: string, onImported?: (result: T) => unknown) {
  const [progress, setProgress] = useState<ImportProgressState | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: ({ file, query }: { file: File; query?: Record<string, QueryValue> }) => {
      const id = newImportId();
      setImportId(id);
      setProgress({ sent: 0, phase: 'checking', rows: null, total: null });
      return uploadImport<T>(path, file, {
        query,
        importId: id,
        onSent: (sent) => setProgress((current) => ({ phase: 'checking', rows: null, total: null, ...current, sent })),
      });
    },
    onSuccess: (result) => onImported?.(result),
    onSettled: () => {
      setImportId(null);
      setProgress(null);
    },
  });

  const isUploaded = progress !== null && progress.sent >= 1;
  useEffect(() => {
    if (!importId || !isUploaded) {
      return;
    }
    const controller = new AbortController();
    const poll = () =>
      api
        .get<ServerProgress>(`/imports/${importId}`, undefined, controller.signal)
        .then((server) =>
          setProgress((current) =>
            current ? { ...current, phase: server.phase, rows: server.rows, total: server.total } : current,
          ),
        )
        .catch(() => undefined);
    // At once when the file is sent, then every POLL_MS: a check of tens of thousands of rows can take under a second.
    void poll();
    const timer = window.setInterval(poll, POLL_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [importId, isUploaded]);

  return { ...mutation, progress };
}
