import type { Piece } from './contract';
import { familyPiece } from './family';
import { languagesPiece } from './languages';
import { papersPiece } from './papers';
import { starsPiece } from './stars';
import { taskMixPiece } from './task-mix';

export type { Piece } from './contract';
export { leadPiece } from './lead';

/** The analysis pieces, in the order the issue prints those that are significant (at most four). */
export const ANALYSIS_PIECES: readonly Piece[] = [familyPiece, taskMixPiece, starsPiece, languagesPiece, papersPiece];
