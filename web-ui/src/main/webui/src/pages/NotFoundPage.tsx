import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../components/states';

export function NotFoundPage() {
  return (
    <EmptyState title="Page not found">
      Nothing lives at this address.{' '}
      <Anchor component={Link} to="/">
        Go to your projects
      </Anchor>
      .
    </EmptyState>
  );
}
