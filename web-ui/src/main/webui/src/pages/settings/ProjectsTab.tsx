import { Anchor, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { projectPath, projectsQueryKey, useProjects } from '../../lib/projects';
import { roleIn, useMe } from '../../session/session';
import { settingsApi } from './api';
import { notifyFailed } from './notify';

const PLATFORMS = ['python', 'javascript', 'node', 'java', 'go', 'ruby', 'php', 'dotnet', 'other'];

/** The organization's projects, and a new one (admins and owners), which opens at Getting started. */
export function ProjectsTab({ organization }: { organization: string }) {
  const me = useMe();
  const projects = useProjects();
  const admin = ['owner', 'admin'].includes(roleIn(me, organization) ?? '');
  return (
    <Stack>
      {admin && <NewProject organization={organization} />}
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Slug</Table.Th>
            <Table.Th>Platform</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(projects.data ?? [])
            .filter((p) => p.organization === organization)
            .map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={projectPath(p.id, 'issues')}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{p.slug}</Table.Td>
                <Table.Td>{p.platform}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function NewProject({ organization }: { organization: string }) {
  const [name, setName] = useState('');
  const [platform, setPlatform] = useState('python');
  const client = useQueryClient();
  const navigate = useNavigate();
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const created = await settingsApi.createProject(organization, slug, name.trim(), platform);
      await client.invalidateQueries({ queryKey: projectsQueryKey });
      navigate(projectPath(created.id, 'getting-started'));
    } catch (err) {
      notifyFailed(err);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={6}>New project</Title>
      <Group align="flex-end" component="form" onSubmit={submit}>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} description={slug ? `slug: ${slug}` : ' '} w={260} />
        <Select label="Platform" data={PLATFORMS} value={platform} onChange={(p) => p && setPlatform(p)} allowDeselect={false} w={160} description=" " />
        <Button type="submit" disabled={!slug}>
          Create project
        </Button>
      </Group>
    </Stack>
  );
}
