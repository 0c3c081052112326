/** Swedish names for the values the reports print. */
export const planStatusNames: Record<string, string> = { ej_bedomd: 'Ej bedömd', ej_uppfyllt: 'Ej uppfyllt', delvis_uppfyllt: 'Delvis uppfyllt', uppfyllt: 'Uppfyllt', risk_accepterad: 'Risk accepterad', ej_tillampligt: 'Ej tillämpligt' };
export const priorityNames: Record<string, string> = { hog: 'Hög', medel: 'Medel', lag: 'Låg', null: 'Ej prioriterad' };
export const screeningNames: Record<string, string> = { 'inte-tillamplig': 'Inte tillämplig', 'kravs-inte': 'Krävs inte', rekommenderas: 'Rekommenderas', 'kravs-preliminart': 'Krävs preliminärt', kravs: 'Krävs', okand: 'Okänt' };
export const assetTypeNames: Record<string, string> = { system: 'System', 'e-tjanst': 'E-tjänst', process: 'Process', gruppdisk: 'Gruppdisk', annat: 'Annat' };
export const levelNames = ['Försumbar', 'Måttlig', 'Betydande', 'Allvarlig', 'Synnerligen allvarlig'] as const;

export function swedishDay(iso: string | null): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

export function percentText(value: number): string {
  return `${value.toLocaleString('sv-SE', { maximumFractionDigits: 1 })} %`;
}
