import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useLanguage } from '../i18n/useLanguage';

const TOKEN = {
  colorPrimary: '#b91c1c',
  colorLink: '#b91c1c',
  borderRadius: 6,
  fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
};

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(onChange: () => void): () => void {
  const query = window.matchMedia?.(REDUCED_MOTION);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** True when the user asked the system for less motion: dialogs, drop-downs and messages then appear without animating. */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => window.matchMedia?.(REDUCED_MOTION).matches ?? false,
    () => false,
  );
}

/** Ant Design's theme and locale (vi_VN or en_US, following the language switch), and its message/modal context. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const { lang } = useLanguage();
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => ({ token: { ...TOKEN, motion: !reducedMotion } }), [reducedMotion]);
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
