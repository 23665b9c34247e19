import { createBrowserRouter } from 'react-router';
import { FEATURE_ROUTES } from '../features/index.ts';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

/** Every page comes from a feature; the app shell adds only the layout and the two fallbacks. */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        {
          // A pathless route keeps the header when a page throws while rendering.
          errorElement: <RouteErrorPage />,
          children: [...FEATURE_ROUTES, { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createRouter>;
