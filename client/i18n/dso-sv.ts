/** Issue 17 (dso): the DSO's DPIA column and filter in the inventory, the overview of screenings and DPIAs, sign-off rules. */
export const dsoSv = {
  'apiError.sign_off_answer': 'Dataskyddsombudets råd och beslutet skrivs i signeringen, inte i formuläret. Ändringen sparades inte.',
  'specialAnalysis.earlier': 'Nivåerna har ändrats sedan {name} registrerade var analysen förvaras ({reference}, {date}). Säkerhetsskyddschefen måste bekräfta det på nytt.',
} satisfies Record<string, string>;
