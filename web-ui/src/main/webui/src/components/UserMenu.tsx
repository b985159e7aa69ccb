import { ActionIcon, Avatar, Group, Menu, Text, Tooltip, useMantineColorScheme, useComputedColorScheme } from '@mantine/core';
import { IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/http';
import { useMe } from '../session/session';

/** Dark-mode switch and the signed-in user with their organizations and a logout. */
export function UserMenu() {
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const name = me.user?.name || me.user?.email || (me.authenticatedBy === 'admin-token' ? 'Administrator' : 'API token');
  const logout = async () => {
    if (me.authenticatedBy === 'session') await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    client.clear();
    navigate('/login', { replace: true });
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Tooltip label={scheme === 'dark' ? 'Light mode' : 'Dark mode'}>
        <ActionIcon
          variant="default"
          aria-label="Toggle dark mode"
          onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
        >
          {scheme === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" radius="xl" size="lg" aria-label="Account">
            <Avatar size="sm" radius="xl" color="blue">
              {name.slice(0, 1).toUpperCase()}
            </Avatar>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600}>
              {name}
            </Text>
            {me.memberships.map((m) => (
              <Text key={m.organization} size="xs" c="dimmed">
                {m.organization} · {m.role ?? 'token'}
              </Text>
            ))}
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLogout size={14} />} onClick={logout}>
            Log out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
