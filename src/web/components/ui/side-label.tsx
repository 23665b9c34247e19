import { useCountryName } from './country-name.tsx';

/** A consortium's side: a country code becomes the country's name; anything else is shown as is. */
export function useSideLabel(): (side: string | null | undefined) => string | null {
  const countryNameOf = useCountryName();
  return (side) => {
    if (!side) return null;
    return /^[A-Za-z]{2}$/.test(side) ? countryNameOf(side) : side;
  };
}
