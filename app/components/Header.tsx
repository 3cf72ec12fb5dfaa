/** The top bar: the course, the lesson menu, progress, the theme, and which runtime runs the code. */
import { useEffect, useRef, useState } from 'react';
import type { ClientLesson } from '../lessons/types.ts';
import type { BootState } from '../runtime/runtime-boot.ts';
import { LessonNav } from './LessonNav.tsx';
import { RuntimeBadge } from '../runtime/RuntimeBadge.tsx';
import { Logo } from './Logo.tsx';
import { CourseProgress } from './CourseProgress.tsx';
import { ThemeSwitch } from '../theme/ThemeSwitch.tsx';
import { courseProgress } from '../lessons/progress.ts';

interface Props {
  lessons: readonly ClientLesson[];
  current: ClientLesson;
  completed: ReadonlySet<string>;
  boot: BootState;
}

export function Header({ lessons, current, completed, boot }: Props) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const position = lessons.indexOf(current) + 1;

  useEffect(
    function closeMenuOnOutsideAction() {
      if (!open) return;
      // Opening moves focus to the open lesson, so arrow-free Tab browsing starts where the learner is.
      menu.current?.querySelector<HTMLElement>('[aria-current="page"]')?.focus();
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        setOpen(false);
        toggle.current?.focus();
      };
      const onPointer = (event: PointerEvent) => {
        if (!menu.current?.contains(event.target as Node)) setOpen(false);
      };
      addEventListener('keydown', onKey);
      addEventListener('pointerdown', onPointer);
      return () => {
        removeEventListener('keydown', onKey);
        removeEventListener('pointerdown', onPointer);
      };
    },
    [open],
  );

  return (
    <header className="app-header">
      <div className="brand">
        <Logo />
        <span className="brand__name">Portside</span>
        <span className="brand__course">Port binding, hands-on</span>
      </div>
      <div className="lesson-menu" ref={menu}>
        <button
          ref={toggle}
          type="button"
          className="lesson-menu__toggle"
          aria-expanded={open}
          aria-controls="lesson-nav"
          onClick={() => setOpen((o) => !o)}
        >
          <span className="lesson-menu__label">Lessons</span>
          <span className="lesson-menu__position">
            {position} of {lessons.length}
          </span>
          <span className="lesson-menu__chevron" aria-hidden="true" />
        </button>
        <div className="lesson-menu__panel" hidden={!open}>
          <LessonNav id="lesson-nav" lessons={lessons} currentId={current.id} completed={completed} onNavigate={() => setOpen(false)} />
        </div>
      </div>
      <CourseProgress progress={courseProgress(lessons, completed)} />
      <div className="app-header__end">
        <ThemeSwitch />
        <RuntimeBadge boot={boot} />
      </div>
    </header>
  );
}
