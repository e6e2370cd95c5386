/**
 * The GBD FL photo stand-in: the simulator has no pictures, only a seed per person, drawn here as a distinct
 * portrait so the desk can tell two people apart. A real GBD FL adapter returns the photo itself.
 */
export function GbdPhoto({ seed, label, width = 135 }: { seed: number; label: string; width?: number }) {
  const hue = (seed * 47) % 360;
  const skin = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524'][seed % 4];
  const hair = ['#2b1b0e', '#4a3020', '#1c1c1c', '#6b4423'][(seed >> 2) % 4];
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox="0 0 90 120"
      width={width}
      height={(width * 4) / 3}
      className="rounded border border-line"
      data-testid="gbd-photo"
    >
      <rect width="90" height="120" fill={`hsl(${hue} 25% 88%)`} />
      <ellipse cx="45" cy="112" rx="38" ry="26" fill={`hsl(${hue} 30% 35%)`} />
      <rect x="37" y="70" width="16" height="16" fill={skin} />
      <ellipse cx="45" cy="52" rx="19" ry="24" fill={skin} />
      <path d={`M26 48 Q45 ${18 + (seed % 8)} 64 48 Q62 30 45 27 Q28 30 26 48Z`} fill={hair} />
      <circle cx="38" cy="53" r="2" fill="#222" />
      <circle cx="52" cy="53" r="2" fill="#222" />
      <path d="M39 66 Q45 70 51 66" stroke="#7a3b2e" strokeWidth="1.6" fill="none" />
    </svg>
  );
}
