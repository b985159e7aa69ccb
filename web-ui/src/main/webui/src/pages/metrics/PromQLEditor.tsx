import { useComputedColorScheme } from '@mantine/core';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, highlightSpecialChars, keymap, placeholder as placeholderExtension } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { promBase } from './api';

/** Colours from Mantine's variables, so the editor follows light and dark mode without a second style. */
const highlight = HighlightStyle.define([
  { tag: tags.function(tags.variableName), color: 'var(--mantine-color-blue-text)' },
  { tag: tags.operatorKeyword, color: 'var(--mantine-color-violet-text)', fontWeight: '600' },
  { tag: [tags.modifier, tags.logicOperator], color: 'var(--mantine-color-violet-text)' },
  { tag: tags.labelName, color: 'var(--mantine-color-orange-text)' },
  { tag: tags.string, color: 'var(--mantine-color-green-text)' },
  { tag: tags.number, color: 'var(--mantine-color-cyan-text)' },
  { tag: tags.comment, color: 'var(--mantine-color-dimmed)', fontStyle: 'italic' },
  { tag: tags.operator, color: 'var(--mantine-color-pink-text)' },
]);

function theme(dark: boolean) {
  return EditorView.theme(
    {
      '&': {
        fontSize: 'var(--mantine-font-size-sm)',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        backgroundColor: 'var(--mantine-color-body)',
        color: 'var(--mantine-color-text)',
      },
      '&.cm-focused': { outline: '2px solid var(--mantine-color-blue-filled)', outlineOffset: '-1px' },
      '.cm-content': { fontFamily: 'var(--mantine-font-family-monospace)', padding: '6px 0', caretColor: 'var(--mantine-color-text)' },
      '.cm-line': { padding: '0 8px' },
      '.cm-placeholder': { color: 'var(--mantine-color-dimmed)' },
      '.cm-tooltip': { backgroundColor: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-default-border)' },
      '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--mantine-color-blue-light)', color: 'var(--mantine-color-text)' },
      '.cm-completionDetail': { color: 'var(--mantine-color-dimmed)', fontStyle: 'normal', marginLeft: '0.5em' },
      '.cm-completionInfo': { maxWidth: '420px', whiteSpace: 'pre-wrap' },
      '.cm-matchingBracket': { backgroundColor: 'var(--mantine-color-gray-light)' },
    },
    { dark },
  );
}

export interface PromQLEditorHandle {
  /** Inserts text at the cursor (replacing the selection) and focuses the editor. */
  insert(text: string): void;
  focus(): void;
}

/**
 * The PromQL editor: CodeMirror 6 with Prometheus's own PromQL language support (highlighting,
 * linting, completion of functions, metric names, label names and values against the project's
 * Prometheus API). Shift+Enter (or Ctrl/Cmd+Enter) runs the query.
 */
export const PromQLEditor = forwardRef<
  PromQLEditorHandle,
  { projectId: number; value: string; onChange: (value: string) => void; onRun: () => void; placeholder?: string; label?: string }
>(function PromQLEditor({ projectId, value, onChange, onRun, placeholder = 'PromQL, e.g. rate(http_server_requests_total[5m])', label = 'PromQL query' }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };
  const dark = useComputedColorScheme('light') === 'dark';
  const themeCompartment = useRef(new Compartment());

  useEffect(() => {
    if (!host.current) return;
    const promql = new PromQLExtension().setComplete({
      remote: { url: promBase(projectId), httpMethod: 'GET', lookbackInterval: 12 * 60 * 60 * 1000, httpErrorHandler: () => undefined },
    });
    const run = () => {
      callbacks.current.onRun();
      return true;
    };
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          // Before the default keymap, so Shift+Enter runs instead of inserting a line break.
          Prec.highest(keymap.of([{ key: 'Shift-Enter', run }, { key: 'Mod-Enter', run }])),
          history(),
          highlightSpecialChars(),
          bracketMatching(),
          closeBrackets(),
          EditorView.lineWrapping,
          placeholderExtension(placeholder),
          syntaxHighlighting(highlight),
          themeCompartment.current.of(theme(dark)),
          // The PromQL extension only supplies completions as language data; this shows them.
          autocompletion({ icons: false }),
          keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
          promql.asExtension(),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) callbacks.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      promql.destroy();
      view.current = null;
    };
    // The editor is built once per project; value and theme changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId]);

  useEffect(() => {
    view.current?.dispatch({ effects: themeCompartment.current.reconfigure(theme(dark)) });
  }, [dark]);

  // Changes from outside (the URL, the metric explorer) replace the text; typing does not loop back.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const editor = view.current;
      if (!editor) return;
      const { from, to } = editor.state.selection.main;
      editor.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      editor.focus();
    },
    focus() {
      view.current?.focus();
    },
  }));

  return <div ref={host} data-testid="promql-editor" />;
});
