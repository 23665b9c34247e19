import { useTranslation } from 'react-i18next';
import { countryName } from '../../i18n/countries.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (code: string) => countryName(code, language);
}

export function CountryName({ code }: { code: string }) {
  const name = useCountryName()(code);
  return <>{name}</>;
}
