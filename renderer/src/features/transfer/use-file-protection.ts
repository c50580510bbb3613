import { useEffect, useRef, useState, type RefObject } from 'react';
import { useAppStore } from '../../store/store-context';
import { newPassphraseProblem, passphraseAgainProblem } from './passphrase-checks';

/** What a call that writes a file takes about its passphrase (the contract allows one of the two). */
export interface ProtectionInput {
  passphrase?: string;
  useSchoolPassphrase?: boolean;
}

export interface PassphraseProblems {
  passphrase?: string;
  passphraseAgain?: string;
}

export interface FileProtection {
  schoolPassphraseSet: boolean;
  protect: boolean;
  setProtect(on: boolean): void;
  useSchool: boolean;
  setUseSchool(on: boolean): void;
  /** Whether the passphrase fields are shown (protected, and not with the school's). */
  typed: boolean;
  problems: PassphraseProblems;
  refs: { passphrase: RefObject<HTMLInputElement | null>; passphraseAgain: RefObject<HTMLInputElement | null> };
  /**
   * The protection for the call, or null when the typed passphrase needs fixing: then the
   * problems are shown under the fields and focus goes to the first, before anything is sent.
   */
  take(): ProtectionInput | null;
  /** Empties the passphrase fields (after the file was made). */
  clear(): void;
}

/**
 * The "Protect with a passphrase" choice of Export and Backup. Once the school passphrase is set
 * it is proposed: protection is on and uses it, unless the teacher changes that. A typed
 * passphrase stays in its (uncontrolled) fields, never in React state, until the call takes it.
 */
export function useFileProtection(): FileProtection {
  const schoolSet = useAppStore((s) => s.schoolPassphraseSet) === true;
  const load = useAppStore((s) => s.loadTransferPassphraseSetting);
  // null: not chosen yet, so the school passphrase's presence decides (it may be read after the first draw).
  const [protectChoice, setProtect] = useState<boolean | null>(null);
  const [useSchoolChoice, setUseSchool] = useState(true);
  const [problems, setProblems] = useState<PassphraseProblems>({});
  const refs = { passphrase: useRef<HTMLInputElement>(null), passphraseAgain: useRef<HTMLInputElement>(null) };
  useEffect(() => {
    void load();
  }, [load]);

  const protect = protectChoice ?? schoolSet;
  const useSchool = schoolSet && useSchoolChoice;
  const typed = protect && !useSchool;
  const clear = () => {
    for (const field of [refs.passphrase, refs.passphraseAgain]) if (field.current) field.current.value = '';
  };

  const take = (): ProtectionInput | null => {
    setProblems({});
    if (!protect) return {};
    if (useSchool) return { useSchoolPassphrase: true };
    const passphrase = refs.passphrase.current?.value ?? '';
    const first = newPassphraseProblem(passphrase);
    const again = first ? undefined : passphraseAgainProblem(passphrase, refs.passphraseAgain.current?.value ?? '');
    if (!first && !again) return { passphrase };
    setProblems({ passphrase: first, passphraseAgain: again });
    // A mismatch is typed again from scratch: which of the two was wrong cannot be seen.
    if (again) clear();
    refs.passphrase.current?.focus();
    return null;
  };

  return {
    schoolPassphraseSet: schoolSet,
    protect,
    setProtect: (on) => {
      setProtect(on);
      setProblems({});
    },
    useSchool,
    setUseSchool: (on) => {
      setUseSchool(on);
      setProblems({});
    },
    typed,
    problems,
    refs,
    take,
    clear,
  };
}
