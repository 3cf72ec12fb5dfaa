/**
 * A real <button> that stays focusable while unavailable (aria-disabled instead of disabled),
 * so keyboard focus is not thrown to the top of the page when Run turns into "running".
 */
import type { ButtonHTMLAttributes, MouseEvent } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet' | 'danger';
  unavailable?: boolean;
}

export function Button({ variant = 'secondary', unavailable = false, className, onClick, ...rest }: Props) {
  const click = (event: MouseEvent<HTMLButtonElement>) => {
    if (unavailable) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <button
      type="button"
      {...rest}
      aria-disabled={unavailable || undefined}
      className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
      onClick={click}
    />
  );
}
