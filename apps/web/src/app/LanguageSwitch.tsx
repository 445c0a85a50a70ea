// Russian first, English second: one button switches the whole interface.
import { useT } from '../i18n';
import { useUi } from '../stores/ui';

export function LanguageSwitch() {
  const t = useT();
  const setLang = useUi((s) => s.setLang);
  return (
    <button
      type="button"
      className="button-link lang-switch"
      lang={t.lang.code === 'ru' ? 'en' : 'ru'}
      onClick={() => setLang(t.lang.code === 'ru' ? 'en' : 'ru')}
    >
      {t.lang.switchTo}
    </button>
  );
}
