// The Alembic side of the benchmark: an Alembic project with the same revisions and the same
// DDL as a Retort one, run as a user runs it (`python3 -m alembic ...`).
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The Python that can import alembic (`ALEMBIC_PYTHON`, else `python3` on PATH, else
 * Debian's `/usr/bin/python3`, where `apt-get install python3-alembic` puts it), with the
 * version; `undefined` when none can.
 */
export function findAlembic() {
  const candidates = [process.env.ALEMBIC_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean)
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import alembic; print(alembic.__version__)'], {
      encoding: 'utf8',
    })
    if (probe.status === 0) return { python, version: probe.stdout.trim() }
  }
  return undefined
}

/** env.py: one transaction per revision (Retort's `each`) or one for all (`all`); --sql offline. */
const envPy = (mode) => `from alembic import context
from sqlalchemy import create_engine

url = context.config.get_main_option("sqlalchemy.url")
if context.is_offline_mode():
    context.configure(url=url, transaction_per_migration=${mode === 'each' ? 'True' : 'False'})
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, transaction_per_migration=${mode === 'each' ? 'True' : 'False'})
        with context.begin_transaction():
            context.run_migrations()
`

/**
 * Writes an Alembic project in `dir` (alembic.ini, alembic/env.py, alembic/versions/) whose
 * revisions are `revisions` ([id, parents[]]), each creating the same table as the Retort
 * revision of the same id, on the SQLite file `dir/app.db`; `mode`: `each` (a transaction per
 * revision) or `all`.
 */
export function writeAlembicProject(dir, revisions, mode = 'each') {
  rmSync(dir, { recursive: true, force: true })
  const versions = join(dir, 'alembic', 'versions')
  mkdirSync(versions, { recursive: true })
  writeFileSync(
    join(dir, 'alembic.ini'),
    '[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = sqlite:///%(here)s/app.db\n',
  )
  writeFileSync(join(dir, 'alembic', 'env.py'), envPy(mode))
  writeFileSync(join(dir, 'alembic', 'script.py.mako'), '')
  for (const [id, parents] of revisions) {
    const down =
      parents.length === 0
        ? 'None'
        : parents.length === 1
          ? `'${parents[0]}'`
          : `(${parents.map((p) => `'${p}'`).join(', ')})`
    writeFileSync(
      join(versions, `${id}_create_t.py`),
      `"""create table t_${id}"""
from alembic import op
import sqlalchemy as sa

revision = '${id}'
down_revision = ${down}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('t_${id}', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(50)))


def downgrade():
    op.drop_table('t_${id}')
`,
    )
  }
}

/** Removes Python's compiled files of the project's revisions: the cold case. */
export function clearAlembicBytecode(dir) {
  rmSync(join(dir, 'alembic', 'versions', '__pycache__'), { recursive: true, force: true })
  rmSync(join(dir, 'alembic', '__pycache__'), { recursive: true, force: true })
}
