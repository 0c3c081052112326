export { roles } from '../../contract/enums';
