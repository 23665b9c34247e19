import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../pages/account-page.tsx';
import { HomePage } from '../pages/home-page.tsx';
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
            ...FEATURES.flatMap((feature) => feature.routes),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
