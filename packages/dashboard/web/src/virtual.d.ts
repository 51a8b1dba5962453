/** Written by packages/dashboard/build.mjs from web/operations/*.graphql: operation name → `sha256:<hex>`. */
declare module 'virtual:trusted-documents' {
  export const documentIds: {
    DashboardReport: string;
    DashboardLists: string;
    DisputeView: string;
    RankingCourt: string;
    RankingHub: string;
    RankingJustice: string;
    RankingPolice: string;
    RankingProcuratorate: string;
    RankingPetition: string;
    [operation: string]: string;
  };
}
