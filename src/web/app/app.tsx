import { RouterProvider } from 'react-router';
import { A11yProvider } from './a11y.tsx';
import type { AppRouter } from './router.tsx';
import { SessionProvider } from './session.tsx';

export function App({ router }: { router: AppRouter }) {
  return (
    <A11yProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </A11yProvider>
  );
}
