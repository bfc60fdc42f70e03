import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** Steps on the modeler's screens, with real clicks on the bpmn-js canvas (tests/e2e/modeler.e2e.test.ts). */

export function shape(page: Page, id: string): Locator {
  return page.locator(`.bpmn-canvas .djs-element[data-element-id="${id}"]`);
}

export async function selectedId(page: Page): Promise<string> {
  const selected = page.locator('.bpmn-canvas .djs-shape.selected');
  await selected.first().waitFor();
  const id = await selected.first().getAttribute('data-element-id');
  if (!id) throw new Error('no element is selected');
  return id;
}

/** Selects an element with a click (a click on the selected element would toggle it off). */
export async function selectShape(page: Page, id: string): Promise<void> {
  if (!(await shape(page, id).getAttribute('class'))?.includes('selected')) await shape(page, id).click();
  await page.locator('.djs-context-pad.open').waitFor();
}

/** Clicks an element, then an entry of its context pad (e.g. `append.append-task`); the new element is selected. */
export async function append(page: Page, fromId: string, action: string): Promise<string> {
  await selectShape(page, fromId);
  await page.locator(`.djs-context-pad [data-action="${action}"]`).click();
  await page.waitForFunction((from) => {
    const selected = document.querySelector('.bpmn-canvas .djs-shape.selected');
    return selected && selected.getAttribute('data-element-id') !== from;
  }, fromId);
  // Appending opens the label editor on tasks: leave it as it is, the name comes from the panel.
  await page.keyboard.press('Escape');
  return selectedId(page);
}

/** Names the selected element through the properties panel. */
export async function nameSelected(page: Page, name: string): Promise<void> {
  const field = page.locator('.bpmn-properties #bio-properties-panel-name');
  await page.locator('.bpmn-properties [data-group-id="group-general"]').waitFor();
  if (!(await field.isVisible()))
    await page
      .locator('.bpmn-properties [data-group-id="group-general"] .bio-properties-panel-group-header')
      .click();
  await field.fill(name);
  await field.press('Tab');
}

/** Fills the first field of a group the element template defines (e.g. `pesan`) in the properties panel. */
export async function fillTemplateField(page: Page, group: string, value: string): Promise<void> {
  const section = page.locator(
    `.bpmn-properties [data-group-id="group-ElementTemplates__CustomProperties-${group}"]`,
  );
  const field = section.locator('input').first();
  if (!(await field.isVisible())) await section.locator('.bio-properties-panel-group-header').click();
  await field.fill(value);
  await field.press('Tab');
}

export async function createModel(page: Page, name: string, kind: 'bpmn' | 'dmn' | 'form', title: string) {
  await page.goto('/#/processes');
  await page.locator('.modeler-repository .page-head button').click();
  await page.locator('.new-model input[name=name]').fill(name);
  await page.locator('.new-model input[name=title]').fill(title);
  await page.locator('.new-model select[name=kind]').selectOption(kind);
  await page.locator('.new-model button[type=submit]').click();
  await page.waitForURL(new RegExp(`#/processes/${name}$`));
}

/** The text of the error badge of the lint panel once the server has answered for the last change. */
export async function lintErrors(page: Page): Promise<string> {
  await page.locator('.lint-panel').waitFor();
  await page.waitForFunction(() => !document.querySelector('.lint-panel header .muted.small'));
  return (await page.locator('[data-testid=lint-errors]').textContent()) ?? '';
}

export async function saveVersion(page: Page, comment: string): Promise<void> {
  await page.locator('button[name=save-version]').click();
  await page.locator('.version-form input[name=comment]').fill(comment);
  await page.locator('.version-form button[name=confirm]').click();
  await page.locator('.editor-toolbar [role=status]').waitFor();
}

/** Clicks "Download" and reads the file the browser saved. */
export async function downloaded(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[name=download]').click(),
  ]);
  const path = await download.path();
  return readFile(path, 'utf8');
}
