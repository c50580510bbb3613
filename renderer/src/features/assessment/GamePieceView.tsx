import type { GamePiece } from '../../../../electron/common/content/schemas';
import { ContentIcon } from '../../components/ContentIcon';

/**
 * A game piece on screen: its bundled picture (never an emoji: lab machines often have no emoji
 * font) and its name in words, hidden on screen but read by screen readers and part of the
 * button's or list item's text, so "red circle" is what a screen reader says and what a
 * button is called.
 */
export function GamePieceView({ piece, size }: { piece: GamePiece; size: number }) {
  return (
    <>
      <ContentIcon icon={piece.icon} alt="" size={size} />
      <span className="visually-hidden">{piece.name}</span>
    </>
  );
}
