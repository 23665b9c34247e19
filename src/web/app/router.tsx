import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../pages/account-page.tsx';
import { AgreementNewPage } from '../pages/agreement-new-page.tsx';
import { AgreementPage } from '../pages/agreement-page.tsx';
import { AgreementsPage } from '../pages/agreements-page.tsx';
import { ConsortiaPage } from '../pages/consortia-page.tsx';
import { ConsortiumPage } from '../pages/consortium-page.tsx';
import { HomePage } from '../pages/home-page.tsx';
import { ImportPage } from '../pages/import-page.tsx';
import { InstitutionPage } from '../pages/institution-page.tsx';
import { InstitutionsPage } from '../pages/institutions-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { RouteErrorPage } from '../pages/route-error-page.tsx';
import { SignInPage } from '../pages/sign-in-page.tsx';
import { Layout } from './layout.tsx';
import { FEATURES } from '../features/index.ts';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        {
          // A pathless route keeps the header when a page throws while rendering.
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'sign-in', element: <SignInPage /> },
            { path: 'me', element: <AccountPage /> },
            { path: 'institutions', element: <InstitutionsPage /> },
            { path: 'institutions/:id', element: <InstitutionPage /> },
            { path: 'consortia', element: <ConsortiaPage /> },
            { path: 'consortia/:id', element: <ConsortiumPage /> },
            { path: 'agreements', element: <AgreementsPage /> },
            { path: 'agreements/new', element: <AgreementNewPage /> },
            { path: 'agreements/:id', element: <AgreementPage /> },
            { path: 'import', element: <ImportPage /> },
            ...FEATURES.flatMap((feature) => feature.routes),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
