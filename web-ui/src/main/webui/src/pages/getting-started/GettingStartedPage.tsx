import { EmptyState } from '../../components/states';

export function GettingStartedPage() {
  return <EmptyState title="GettingStartedPage is being built" />;
}
