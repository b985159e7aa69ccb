import { notifications } from '@mantine/notifications';

export function notifyDone(message: string): void {
  notifications.show({ color: 'green', message });
}

export function notifyFailed(error: unknown): void {
  notifications.show({ color: 'red', title: 'Failed', message: error instanceof Error ? error.message : String(error) });
}
