import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { A11yProvider } from './a11y.tsx';
import { createRouter } from './router.tsx';
import { SessionProvider } from './session.tsx';

export function App() {
  const [router] = useState(createRouter);
  return (
    <A11yProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </A11yProvider>
  );
}
