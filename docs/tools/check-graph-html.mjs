// Opens the page of `retort graph --format html` in a real headless browser and checks that
// it works there: every revision drawn with a size, a click shows its details, no request
// leaves the page, no script error, and hostile messages stay text. Not part of the test
// suite (it needs a browser); run it where one is installed:
//
//   pnpm check:graph-html                     (builds first)
//   CHROMIUM_PATH=/path/to/chrome node docs/tools/check-graph-html.mjs
//
// Exits 1 naming each check that failed.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { ROOT, runRetort } from './run-retort.mjs'
import { createDocsProject } from './transcript.mjs'

const HOSTILE = `</script><script>alert('script')</script><img src=x onerror="alert('img')"> & \u202e`

/** The demo's page (database at the heads), and a project whose messages attack the page. */
function pages() {
  const demo = mkdtempSync(join(tmpdir(), 'retort-html-demo-'))
  const hostile = createDocsProject('retort-html-hostile-')
  try {
    for (const entry of ['retort.yaml', 'migrations']) {
      cpSync(join(ROOT, 'examples/demo', entry), join(demo, entry), { recursive: true })
    }
    runRetort(demo, ['upgrade', 'heads'])
    const demoHtml = runRetort(demo, ['graph', '--format', 'html']).stdout
    runRetort(hostile.dir, ['init', 'migrations'])
    runRetort(hostile.dir, ['revision', '-m', HOSTILE, '--rev-id', 'aaaaaaaaaaa1'])
    runRetort(hostile.dir, ['revision', '-m', 'second', '--rev-id', 'aaaaaaaaaaa2'])
    const hostileHtml = runRetort(hostile.dir, ['graph', '--format', 'html']).stdout
    return [
      { name: 'examples/demo', html: demoHtml, revisions: 6, clickMessage: 'create account' },
      { name: 'hostile messages', html: hostileHtml, revisions: 2, clickMessage: HOSTILE },
    ]
  } finally {
    rmSync(demo, { recursive: true, force: true })
    hostile.cleanup()
  }
}

const failures = []
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures.push(what)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
const scratch = mkdtempSync(join(tmpdir(), 'retort-html-check-'))
try {
  console.log(`browser: ${browser.version()}`)
  for (const { name, html, revisions, clickMessage } of pages()) {
    const file = join(scratch, `${name.replace(/\W+/g, '-')}.html`)
    writeFileSync(file, html)
    const page = await browser.newPage()
    const requests = []
    const errors = []
    const dialogs = []
    page.on('request', (request) => {
      if (request.url() !== `file://${file}`) requests.push(request.url())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
    await page.goto(`file://${file}`)
    const boxes = await page.$$eval('.picture [data-revision]', (groups) =>
      groups.map((g) => {
        const box = g.getBoundingClientRect()
        return { id: g.getAttribute('data-revision'), width: box.width, height: box.height }
      }),
    )
    check(
      boxes.length === revisions,
      `${name}: ${boxes.length} revisions drawn (${revisions} expected)`,
    )
    check(
      boxes.every((b) => b.width > 40 && b.height > 20),
      `${name}: every revision has a visible size`,
    )
    const last = boxes[boxes.length - 1]
    await page.click(`.picture [data-revision="${last.id}"]`)
    const panel = await page.$eval('#retort-details', (aside) => ({
      heading: aside.querySelector('h2')?.textContent ?? '',
      text: aside.textContent ?? '',
      markup: aside.querySelectorAll('script, img').length,
    }))
    check(panel.heading === last.id, `${name}: a click shows the revision's id (${panel.heading})`)
    check(
      panel.text.includes(clickMessage.replace('\u202e', '\\u202e')),
      `${name}: the panel shows its message as text`,
    )
    check(panel.markup === 0, `${name}: no element made from user text`)
    const selected = await page.$$eval('.revision.selected', (g) => g.length)
    check(selected === 1, `${name}: the clicked revision is highlighted`)
    check(requests.length === 0, `${name}: no request left the page ${JSON.stringify(requests)}`)
    check(errors.length === 0, `${name}: no script error ${JSON.stringify(errors)}`)
    check(dialogs.length === 0, `${name}: no injected script ran ${JSON.stringify(dialogs)}`)
    await page.screenshot({ path: join(tmpdir(), `retort-graph-${name.replace(/\W+/g, '-')}.png`) })
    await page.close()
  }
} finally {
  await browser.close()
  rmSync(scratch, { recursive: true, force: true })
}
if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed`)
  process.exitCode = 1
} else {
  console.log('all checks passed')
}
