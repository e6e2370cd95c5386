export { Button, ButtonLink, buttonClasses } from './button';
export type { ButtonLinkProps, ButtonProps, ButtonSize, ButtonVariant } from './button';
export { Card, DescriptionList, PageHeader } from './card';
export type { DescriptionItem } from './card';
export { CheckboxGroup, RadioGroup } from './choice-group';
export type { CheckboxGroupProps, ChoiceOption, RadioGroupProps } from './choice-group';
export { DateInput, FileInput, Select, TextInput, Textarea, controlClasses } from './controls';
export type { ControlWidth, SelectOption } from './controls';
export { cx } from './cx';
export { DataTable } from './data-table';
export type { Column, DataTableProps } from './data-table';
export { EmptyState } from './empty-state';
export {
  DateField,
  Field,
  FieldErrors,
  FileField,
  SelectField,
  TextField,
  TextareaField,
} from './field';
export type { ControlProps, FieldError, FieldProps, TextFieldProps } from './field';
export { FormErrorSummary } from './form-errors';
export { errorSummaryItems, fieldErrorsOf, initialActionState, valueOf } from './form-state';
export type { ActionResult, ErrorSummaryItem } from './form-state';
export { Notice } from './notice';
export type { NoticeTone } from './notice';
export { ScrollRegion } from './scroll-region';
export { SkipLink } from './skip-link';
export { StatusBadge } from './status-badge';
export type { StatusTone } from './status-badge';
export { StepIndicator } from './step-indicator';
export type { Step, StepState } from './step-indicator';
export { SubmitButton } from './submit-button';
export { Timeline } from './timeline';
export type { TimelineItem } from './timeline';
export { VisuallyHidden } from './visually-hidden';
