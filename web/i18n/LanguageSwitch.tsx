import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLanguage } from './useLanguage';

interface Props {
  /** Light text on the red header. */
  isOnDark?: boolean;
  isCompact?: boolean;
}

/** One click switches Vietnamese ↔ English; the button names the language it switches to, in that language. */
export function LanguageSwitch({ isOnDark = false, isCompact = false }: Props) {
  const { lang, setLang } = useLanguage();
  const target = lang === 'vi' ? 'en' : 'vi';
  const label = target === 'en' ? 'English' : 'Tiếng Việt';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLang(target)}
      lang={target}
      aria-label={label}
      title={label}
      style={isOnDark ? { color: '#fff' } : undefined}
    >
      {isCompact ? target.toUpperCase() : label}
    </Button>
  );
}
