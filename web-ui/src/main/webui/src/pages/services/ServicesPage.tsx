import { EmptyState } from '../../components/states';

export function ServicesPage() {
  return <EmptyState title="ServicesPage is being built" />;
}
